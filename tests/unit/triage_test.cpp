#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "helpers.hpp"
#include "twitchlog/triage.hpp"

using namespace twitchlog;

namespace {

// "Now" for every scenario: today is 2026-11-24 (day T).
const Timestamp kNow = test::at("2026-11-24T10:00:00+01:00");
const std::int64_t kToday = kNow.day();

const RuleSet& rules() {
  static const RuleSet r = load_builtin_rules();
  return r;
}

// An entry line on the day `days_ago` before today, at 09:00 local.
std::string on(int days_ago, const std::string& rest, const std::string& time = "09:00:00") {
  return format_date(date_from_days(kToday - days_ago)) + "T" + time + "+01:00 " + rest;
}

// Twitch entries on each day from `from` days ago to `to` days ago.
std::vector<std::string> daily_twitches(int from, int to) {
  std::vector<std::string> lines;
  for (int d = from; d >= to; --d) lines.push_back(on(d, "twitch severity=2"));
  return lines;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string journal(const std::vector<std::string>& lines) {
  std::string text = "# twitchlog journal v1\n";
  for (const auto& line : lines) text += line + "\n";
  return text;
}

Assessment triage(const std::vector<std::string>& lines, const Answers& answers = {}) {
  const auto findings = scan_for_triage_text(journal(lines), "j.txt", rules(), kNow);
  return assess(rules(), findings, answers, kNow);
}

// "id:source" of each fired flag, most urgent first.
std::vector<std::string> fired(const Assessment& a) {
  std::vector<std::string> out;
  for (const auto& f : a.fired) {
    out.push_back(f.flag->id + ":" + (f.from_answer && f.from_journal ? "both" : f.from_answer ? "answer" : "journal"));
  }
  return out;
}

using Ids = std::vector<std::string>;

struct Scenario {
  const char* name;
  std::vector<std::string> lines;
  Answers answers;
  const char* level;
  Ids flags;
};

}  // namespace

TEST_CASE("scenarios: the level and the flags, on both sides of every boundary") {
  const Scenario scenarios[] = {
      {"an empty journal and no answers", {}, {}, "self-care", {}},
      {"a twitch today on the lower lip", {on(0, "twitch severity=3")}, {}, "self-care", {}},
      // The streak: the run holding the latest twitch day must span 28 days.
      {"27 days of twitching", daily_twitches(26, 0), {}, "self-care", {}},
      {"28 days of twitching", daily_twitches(27, 0), {}, "doctor", {"persistent:journal"}},
      {"28 days with gaps of 3",
       {on(27, "twitch"), on(24, "twitch"), on(21, "twitch"), on(18, "twitch"), on(15, "twitch"), on(12, "twitch"),
        on(9, "twitch"), on(6, "twitch"), on(3, "twitch"), on(0, "twitch")},
       {},
       "doctor",
       {"persistent:journal"}},
      {"a gap of 4 breaks the run", daily_twitches(40, 16) + daily_twitches(12, 0), {}, "self-care", {}},
      {"a gap of 3 joins the runs",
       daily_twitches(40, 15) + daily_twitches(12, 0),
       {},
       "doctor",
       {"persistent:journal"}},
      {"the run ends 6 days ago: recent", daily_twitches(40, 6), {}, "doctor", {"persistent:journal"}},
      {"the run ends 7 days ago: over", daily_twitches(40, 7), {}, "self-care", {}},
      // Spreading: a twitch outside the lips in the last 30 days.
      {"eyelid 29 days ago", {on(29, "twitch where=eyelid")}, {}, "doctor", {"spreading:journal"}},
      {"eyelid 30 days ago", {on(30, "twitch where=eyelid")}, {}, "self-care", {}},
      {"upper lip today", {on(0, "twitch where=upper-lip")}, {}, "self-care", {}},
      {"an unknown area counts as outside", {on(0, "twitch where=knee")}, {}, "doctor", {"spreading:journal"}},
      {"eyelid later today: after now", {on(0, "twitch where=eyelid", "11:00:00")}, {}, "self-care", {}},
      {"eyelid tomorrow", {on(-1, "twitch where=eyelid")}, {}, "self-care", {}},
      // Recurring: twitches in 3 calendar months of the last 180 days.
      {"2 months", {on(40, "twitch"), on(0, "twitch")}, {}, "self-care", {}},
      {"3 months", {on(179, "twitch"), on(40, "twitch"), on(0, "twitch")}, {}, "doctor", {"recurring:journal"}},
      {"the first month just out of the window",
       {on(180, "twitch"), on(40, "twitch"), on(0, "twitch")},
       {},
       "self-care",
       {}},
      {"3 months, lines out of order",
       {on(0, "twitch"), on(179, "twitch"), on(40, "twitch")},
       {},
       "doctor",
       {"recurring:journal"}},
      // Chewing: the tag, in the last 30 days.
      {"tagged chewing 29 days ago", {on(29, "twitch tags=coffee,chewing")}, {}, "doctor", {"chewing:journal"}},
      {"tagged chewing 30 days ago", {on(30, "twitch tags=chewing")}, {}, "self-care", {}},
      {"a tag that only contains chewing", {on(0, "twitch tags=chewing-gum")}, {}, "self-care", {}},
      // Flags fields of twitch and triage entries, in the rules' flag window (30 days).
      {"flags=weakness 29 days ago", {on(29, "twitch flags=weakness")}, {}, "doctor-soon", {"weakness:journal"}},
      {"flags=weakness 30 days ago", {on(30, "twitch flags=weakness")}, {}, "self-care", {}},
      {"a triage answered sudden-droop yesterday",
       {on(1, "triage level=emergency flags=sudden-droop")},
       {},
       "emergency",
       {"sudden-droop:journal"}},
      {"a flag on a note does not count", {on(0, "note text=x flags=weakness")}, {}, "self-care", {}},
      {"a flag on an unknown kind does not count", {on(0, "sneeze flags=weakness")}, {}, "self-care", {}},
      // Answers.
      {"yes", {}, {{"chewing", Answer::yes}}, "doctor", {"chewing:answer"}},
      {"unsure counts as yes", {}, {{"weakness", Answer::unsure}}, "doctor-soon", {"weakness:answer"}},
      {"no", {}, {{"weakness", Answer::no}}, "self-care", {}},
      {"a no never hides the journal",
       {on(3, "twitch where=cheek")},
       {{"spreading", Answer::no}},
       "doctor",
       {"spreading:journal"}},
      {"answer and journal together",
       {on(3, "twitch where=cheek")},
       {{"spreading", Answer::yes}},
       "doctor",
       {"spreading:both"}},
      {"the most urgent level wins, most urgent first",
       {on(2, "twitch flags=swallowing")},
       {{"chewing", Answer::yes}, {"sudden-droop", Answer::no}},
       "doctor-soon",
       {"swallowing:journal", "chewing:answer"}},
      // Malformed lines are skipped, never fatal.
      {"a malformed line among good ones",
       {on(29, "twitch where=eyelid"), "garbage", on(0, "twitch severity=9x")},
       {},
       "doctor",
       {"spreading:journal"}},
  };
  for (const auto& s : scenarios) {
    const std::string name = s.name;
    CAPTURE(name);
    const Assessment a = triage(s.lines, s.answers);
    CHECK(a.level->id == s.level);
    CHECK(fired(a) == s.flags);
  }
}

TEST_CASE("every red flag of the default rules fires from an answer and from the journal") {
  for (const auto& flag : rules().red_flags) {
    CAPTURE(flag.id);
    const Assessment by_answer = triage({}, {{flag.id, Answer::yes}});
    CHECK(fired(by_answer) == Ids{flag.id + ":answer"});
    CHECK(by_answer.level->id == flag.level);
    const Assessment by_journal = triage({on(5, "twitch flags=" + flag.id)});
    REQUIRE(by_journal.fired.size() >= 1);
    CHECK(by_journal.fired.front().flag->id == flag.id);
    CHECK(by_journal.level->id == flag.level);
    const Assessment by_triage = triage({on(5, "triage level=" + flag.level + " flags=" + flag.id)});
    CHECK(fired(by_triage) == Ids{flag.id + ":journal"});
  }
  // And each journal rule of the default rules, from the history alone.
  CHECK(fired(triage({on(1, "twitch where=jaw")})) == Ids{"spreading:journal"});
  CHECK(fired(triage({on(1, "twitch tags=chewing")})) == Ids{"chewing:journal"});
  CHECK(fired(triage({on(100, "twitch"), on(60, "twitch"), on(1, "twitch")})) == Ids{"recurring:journal"});
  CHECK(fired(triage(daily_twitches(27, 0))) == Ids{"persistent:journal"});
}

TEST_CASE("evidence: the figures and the journal lines it rests on") {
  SUBCASE("streak") {
    const auto a = triage(daily_twitches(32, 0));  // lines 2 to 34
    REQUIRE(a.fired.size() == 1);
    const auto& e = a.fired[0].evidence.at(0);
    CHECK(e.rule == "streak");
    CHECK(e.text ==
          "twitching on 33 of the 33 days from 2026-10-23 to 2026-11-24 (no gap over 3 days); 28 days or more is the "
          "rule");
    CHECK(e.line_count == 33);
    CHECK(e.lines.front() == 2);
    CHECK(e.lines.back() == 34);
  }
  SUBCASE("spreading, out of order: lines ascending") {
    const auto a = triage({on(1, "twitch where=jaw"), on(0, "twitch"), on(5, "twitch where=eyelid")});
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.text == "2 twitches outside the local areas in the last 30 days (where: eyelid, jaw)");
    CHECK(e.lines == std::vector<std::uint64_t>{2, 4});
  }
  SUBCASE("months: the first line of each month") {
    const auto a = triage({on(0, "twitch"), on(60, "twitch"), on(61, "twitch"), on(100, "twitch")});
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.text ==
          "twitches in 3 calendar months of the last 180 days (2026-08, 2026-09, 2026-11), 3 or more is the rule");
    CHECK(e.lines == std::vector<std::uint64_t>{2, 3, 5});
  }
  SUBCASE("an answer, then the journal") {
    const auto a = triage({on(2, "twitch tags=chewing"), on(1, "twitch flags=chewing")}, {{"chewing", Answer::unsure}});
    REQUIRE(a.fired.size() == 1);
    const auto& ev = a.fired[0].evidence;
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].source == EvidenceSource::answer);
    CHECK(ev[0].text == "answered unsure, counted as yes");
    CHECK(ev[1].text == "1 twitch tagged chewing in the last 30 days");
    CHECK(ev[1].lines == std::vector<std::uint64_t>{2});
    CHECK(ev[2].text == "named in the flags of 1 twitch entry in the last 30 days");
    CHECK(ev[2].lines == std::vector<std::uint64_t>{3});
    CHECK(a.counted_unsure);
  }
  SUBCASE("line lists are capped, the count is not") {
    std::vector<std::string> lines;
    for (int i = 0; i < 200; ++i) lines.push_back(on(1, "twitch where=arm"));
    const auto a = triage(lines);
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.line_count == 200);
    CHECK(e.lines.size() == kMaxEvidenceLines);
  }
}

TEST_CASE("malformed lines are left out as errors naming the place") {
  const auto findings =
      scan_for_triage_text(journal({on(0, "twitch"), "2026-11-24 twitch"}) + "2026-11-2", "j.txt", rules(), kNow);
  REQUIRE(findings.read.diagnostics.size() == 2);
  CHECK(findings.read.diagnostics[0].render().starts_with("j.txt:3:11: error: expected 'T'"));
  CHECK(findings.read.diagnostics[1].render().starts_with("j.txt:4:"));
  CHECK(findings.read.diagnostics[1].message.starts_with("the last line has no newline"));
  CHECK(findings.read.summary.entries == 1);
  CHECK(findings.read.in_force == 1);
}

TEST_CASE("the open questions: neither answered nor fired, most urgent first") {
  const auto findings = scan_for_triage_text(journal({on(0, "twitch where=eyelid")}), "j.txt", rules(), kNow);
  const auto questions = open_questions(rules(), findings, {{"weakness", Answer::no}});
  Ids ids;
  for (const auto* q : questions) ids.push_back(q->id);
  CHECK(ids ==
        Ids{"sudden-droop", "drooping", "speech", "swallowing", "wasting", "persistent", "recurring", "chewing"});
}

TEST_CASE("recording and exit statuses") {
  const auto a = triage({on(1, "twitch where=eyelid")},
                        {{"chewing", Answer::yes}, {"weakness", Answer::unsure}, {"speech", Answer::no}});
  CHECK(triage_entry(a, kNow) == "2026-11-24T10:00:00+01:00 triage level=doctor-soon flags=weakness,chewing");
  CHECK(triage_entry(triage({}, {{"speech", Answer::no}}), kNow) == "2026-11-24T10:00:00+01:00 triage level=self-care");
  CHECK(exit_status_for(triage({})) == 0);
  CHECK(exit_status_for(triage({}, {{"chewing", Answer::yes}})) == 10);
  CHECK(exit_status_for(triage({}, {{"speech", Answer::yes}})) == 11);
  CHECK(exit_status_for(triage({}, {{"sudden-droop", Answer::yes}})) == 12);
}

TEST_CASE("the text and JSON reports show the level, the evidence, the questions left and the disclaimer") {
  const auto a = triage({on(1, "twitch where=eyelid")}, {{"speech", Answer::no}});
  TriageView view;
  view.journal = "j.txt";
  const std::string text = render_triage_text(a, rules(), view);
  CHECK(text.starts_with("Care level: doctor (See a doctor)\n"));
  CHECK(text.find("  spreading  doctor  from the journal\n") != std::string::npos);
  CHECK(text.find("      j.txt:2\n") != std::string::npos);
  CHECK(text.find("\nNot answered: sudden-droop, weakness, drooping, swallowing, wasting, persistent, recurring, "
                  "chewing\n") != std::string::npos);
  CHECK(text.find(rules().triage.disclaimer) != std::string::npos);
  CHECK(text.find("\x1b[") == std::string::npos);
  view.color = true;
  CHECK(render_triage_text(a, rules(), view).find("\x1b[") != std::string::npos);

  const std::string json = render_triage_json(a, rules(), view);
  for (const char* needle : {"\"level\": \"doctor\"", "\"id\": \"spreading\"", "\"source\": \"journal\"",
                             "\"rule\": \"outside-local-areas\"", "\"unanswered\": [",
                             "\"as_of\": \"2026-11-24T10:00:00+01:00\"", "\"speech\": \"no\"", "\"recorded\": false"}) {
    CHECK_MESSAGE(json.find(needle) != std::string::npos, needle);
  }
}
