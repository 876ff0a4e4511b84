# .ci/run must run the test command exactly as README.md writes it.
file(STRINGS "${SOURCE}/.ci/run" lines)
list(GET lines -1 command)
file(READ "${SOURCE}/README.md" readme)
string(FIND "${readme}" "\n${command}\n" found)
if(found EQUAL -1)
  message(FATAL_ERROR "README.md does not give the command that .ci/run runs: ${command}")
endif()
