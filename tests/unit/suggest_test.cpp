#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "twitchlog/suggest.hpp"

using namespace twitchlog;

TEST_CASE("edit distance counts inserts, deletes, replacements and swaps of neighbours") {
  CHECK(edit_distance("report", "report") == 0);
  CHECK(edit_distance("reprot", "report") == 1);  // a swap
  CHECK(edit_distance("coffe", "coffee") == 1);
  CHECK(edit_distance("expresso", "espresso") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("did you mean: the closest candidate within one edit (short words) or two") {
  const std::vector<std::string> subs{"log", "check", "triage", "advise", "report", "rules"};
  CHECK(did_you_mean("reprot", subs) == " (did you mean report?)");
  CHECK(did_you_mean("chek", subs) == " (did you mean check?)");
  CHECK(did_you_mean("lgo", subs) == " (did you mean log?)");
  CHECK(did_you_mean("frobnicate", subs).empty());
  CHECK(did_you_mean("xyz", subs).empty());     // three letters: one edit at most
  CHECK(did_you_mean("report", subs).empty());  // not a typo
  CHECK(closest_match("tirage", subs) == "triage");
}
