# cmake -DCLANG_FORMAT=... -DROOT=... -P check_format.cmake: fails when a C++ file is not
# formatted as .clang-format says.
file(GLOB_RECURSE files
  ${ROOT}/include/*.hpp ${ROOT}/src/*.cpp ${ROOT}/src/*.hpp ${ROOT}/tools/*.cpp
  ${ROOT}/tools/*.hpp ${ROOT}/tests/*.cpp ${ROOT}/examples/*.cpp ${ROOT}/examples/*.hpp
  ${ROOT}/bench/*.cpp ${ROOT}/bench/*.hpp ${ROOT}/bindings/*.cpp ${ROOT}/bindings/*.hpp
  ${ROOT}/fuzz/*.cpp)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clang-format would change files (run clang-format -i):\n${err}")
endif()
