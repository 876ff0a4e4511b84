# Self-test of the transcript runner (tests/e2e/transcript.cpp) on a
# deliberately wrong transcript, e2e/selftest/wrong.t, in copies under WORK:
# every wrong case is reported on its own with its line, later ones say they
# come after an earlier failure, a job left behind by one case does not
# reach the next, the run ends with the counts and status 1; the update mode
# (TRANSCRIPT_UPDATE=1, or --update) rewrites the file into
# wrong.t.updated, which then passes.
#   cmake -DTRANSCRIPT=... -DBIN=... -DFIXTURE=.../wrong.t -DWORK=... -P transcript-selftest.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
configure_file("${FIXTURE}" "${WORK}/wrong.t" COPYONLY)
configure_file("${FIXTURE}" "${WORK}/flag.t" COPYONLY)
file(READ "${FIXTURE}.updated" expected)
unset(ENV{TRANSCRIPT_UPDATE})

function(expect what text pattern)
  string(REGEX MATCH "${pattern}" found "${text}")
  if(NOT found)
    message(FATAL_ERROR "${what}: no match for \"${pattern}\" in:\n${text}")
  endif()
endfunction()

function(expect_not what text pattern)
  string(REGEX MATCH "${pattern}" found "${text}")
  if(found)
    message(FATAL_ERROR "${what}: unexpected \"${found}\" in:\n${text}")
  endif()
endfunction()

execute_process(COMMAND "${TRANSCRIPT}" --bin "${BIN}" "${WORK}/wrong.t"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "a wrong transcript: status ${status}, not 1\n${out}${err}")
endif()
expect("the counts" "${out}" "wrong\\.t: 4 passed, 5 failed\n")
# Each failing case on its own, by line; the first one alone has no "after".
expect("line 9" "${err}" "wrong\\.t:9: FAILED: \\$ echo two\n  stdout expected:\n    > deux\n  stdout actual:\n    > two\n")
expect_not("line 9" "${err}" "FAILED: \\$ echo two\n  \\(after")
foreach(line 22 27 31 33)
  expect("line ${line}" "${err}" "wrong\\.t:${line}: FAILED: [^\n]*\n  \\(after the failure at line 9, in the same folder")
endforeach()
expect("line 22 status" "${err}" "wrong\\.t:22: [^\n]*\n[^\n]*\n  exit status: expected 1, got 3\n")
# The job left behind by line 16 was killed with its case: line 18 passed,
# and nothing of it is anywhere in the report.
expect_not("lines 16 and 18" "${err}" "wrong\\.t:1[68]:|late")

# The update mode, from the environment: the failing cases are rewritten, the rest kept.
set(ENV{TRANSCRIPT_UPDATE} 1)
execute_process(COMMAND "${TRANSCRIPT}" --bin "${BIN}" "${WORK}/wrong.t"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
unset(ENV{TRANSCRIPT_UPDATE})
if(NOT status EQUAL 0)
  message(FATAL_ERROR "TRANSCRIPT_UPDATE=1: status ${status}, not 0\n${out}${err}")
endif()
expect("the update's counts" "${out}" "wrong\\.t: 4 passed, 5 updated\n")
expect("the update names the cases" "${err}" "wrong\\.t:9: updated: \\$ echo two\n")
file(READ "${WORK}/wrong.t" updated)
if(NOT updated STREQUAL expected)
  message(FATAL_ERROR "TRANSCRIPT_UPDATE=1 wrote:\n${updated}\nnot:\n${expected}")
endif()
execute_process(COMMAND "${TRANSCRIPT}" --bin "${BIN}" "${WORK}/wrong.t"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the updated transcript: status ${status}, not 0\n${out}${err}")
endif()
expect("the updated transcript's counts" "${out}" "wrong\\.t: 9 passed, 0 failed\n")

# The same with --update; a second update changes nothing.
foreach(round 1 2)
  execute_process(COMMAND "${TRANSCRIPT}" --update --bin "${BIN}" "${WORK}/flag.t"
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(READ "${WORK}/flag.t" updated)
  if(NOT status EQUAL 0 OR NOT updated STREQUAL expected)
    message(FATAL_ERROR "--update, round ${round}: status ${status}, wrote:\n${updated}\n${out}${err}")
  endif()
endforeach()
expect("a second update" "${out}" "flag\\.t: 9 passed, 0 updated\n")
file(REMOVE_RECURSE "${WORK}")
