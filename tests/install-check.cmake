# Installs the build into a fresh temporary prefix and checks what arrived:
# every file in its standard place, a binary that runs, completions equal to
# what `twitchlog completion` prints. Run by ctest with BUILD and WORK set.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed:\n${out}${err}")
endif()
set(expected
    bin/twitchlog
    share/man/man1/twitchlog.1
    share/man/man5/twitchlog-journal.5
    share/man/man5/twitchlog-rules.5
    share/bash-completion/completions/twitchlog
    ${ZSH_DIR}/_twitchlog
    share/fish/vendor_completions.d/twitchlog.fish
    share/doc/twitchlog/examples/rules.toml
    share/doc/twitchlog/examples/example.journal
    share/doc/twitchlog/README.md)
foreach(f ${expected})
  if(NOT EXISTS ${WORK}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# Nothing else arrived.
file(GLOB_RECURSE arrived RELATIVE ${WORK} ${WORK}/*)
list(SORT arrived)
set(sorted ${expected})
list(SORT sorted)
if(NOT arrived STREQUAL sorted)
  message(FATAL_ERROR "installed files differ:\n  got: ${arrived}\n  expected: ${sorted}")
endif()
execute_process(COMMAND ${WORK}/bin/twitchlog --version OUTPUT_VARIABLE version RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^twitchlog [0-9]+\\.[0-9]+\\.[0-9]+\n$")
  message(FATAL_ERROR "installed twitchlog --version: ${rc} ${version}")
endif()
foreach(pair "bash;share/bash-completion/completions/twitchlog" "zsh;${ZSH_DIR}/_twitchlog"
        "fish;share/fish/vendor_completions.d/twitchlog.fish")
  list(GET pair 0 shell)
  list(GET pair 1 path)
  execute_process(COMMAND ${WORK}/bin/twitchlog --rules ${SOURCE}/data/rules.toml completion ${shell}
                  OUTPUT_VARIABLE generated)
  file(READ ${WORK}/${path} installed)
  if(NOT generated STREQUAL installed)
    message(FATAL_ERROR "${path} is not what `twitchlog completion ${shell}` prints")
  endif()
endforeach()
file(READ ${WORK}/share/doc/twitchlog/examples/rules.toml installed_rules)
file(READ ${SOURCE}/data/rules.toml source_rules)
if(NOT installed_rules STREQUAL source_rules)
  message(FATAL_ERROR "the installed example rules differ from data/rules.toml")
endif()
file(REMOVE_RECURSE ${WORK})
message(STATUS "installed and checked ${WORK}")
