#include <danvan/version.hpp>

#include <iostream>

int main() {
  std::cout << "danvan " << danvan::version_string << "\n";
  return 0;
}
