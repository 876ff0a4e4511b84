// Unit tests run in a fixed time zone (central Europe, as a POSIX rule that
// needs no tz database) so local-time results are the same on every machine.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

int main(int argc, char** argv) {
  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
  tzset();
  return doctest::Context(argc, argv).run();
}
