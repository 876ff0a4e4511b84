# Fails when mandoc -Tlint reports anything about PAGE.
execute_process(COMMAND ${MANDOC} -Tlint -W warning ${PAGE}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
  message(FATAL_ERROR "mandoc -Tlint ${PAGE}:\n${out}${err}")
endif()
