// danvan — the command-line tool's entry point.
#include "cli.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  return danvan::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
