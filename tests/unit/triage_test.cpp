// Triage on the fixture rules (tests/unit/fixtures.hpp): default area "lip",
// levels ok < gp < now, a flag window of 10 days, and short journal rules
// (moving: outside-local-areas in 5 days; long: a streak of 10 days, gaps of
// at most 2, latest day in the last 3; monthly: 2 months of the last 60;
// bite: the tag "biting" in 10 days; droop: no journal rule, level now).
// The shipped rules get a test of their own at the end.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/check.hpp"
#include "twitchlog/triage.hpp"

using namespace twitchlog;

namespace {

const RuleSet& rules() { return test::fixture_rules(); }

Assessment triage(const std::string& journal, const Answers& answers = {}, const Timestamp& now = test::fixture_now()) {
  const auto findings = scan_for_triage_text(journal, "j.txt", rules(), now);
  return assess(rules(), findings, answers, now);
}

Assessment triage(const test::Journal& journal, const Answers& answers = {}) { return triage(journal.text(), answers); }

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
  test::Journal journal;
  Answers answers;
  const char* level;
  Ids flags;
};

test::Journal journal() { return test::Journal(); }

// Twitches on each of the given days ago.
test::Journal on_days(std::initializer_list<int> days) {
  test::Journal j;
  for (const int d : days) j.twitch(d);
  return j;
}

std::string render_text(const Assessment& a) {
  TriageView view;
  view.journal = "j.txt";
  return render_triage_text(a, rules(), view);
}

}  // namespace

TEST_CASE("scenarios: the level and the flags, on both sides of every boundary of the fixture rules") {
  const Scenario scenarios[] = {
      {"an empty journal and no answers", journal(), {}, "ok", {}},
      {"a plain twitch today, in the rules' default area", journal().twitch(0, "severity=3"), {}, "ok", {}},
      // long: the run holding the latest twitch day must span 10 days.
      {"9 days of twitching", journal().daily(8, 0), {}, "ok", {}},
      {"10 days of twitching", journal().daily(9, 0), {}, "gp", {"long:journal"}},
      {"10 days with gaps of 2", on_days({9, 7, 5, 3, 1, 0}), {}, "gp", {"long:journal"}},
      {"a gap of 3 breaks the run", journal().daily(20, 11).daily(8, 0), {}, "ok", {}},
      {"a gap of 2 joins the runs", journal().daily(20, 10).daily(8, 0), {}, "gp", {"long:journal"}},
      {"the run ends 2 days ago: recent", journal().daily(20, 2), {}, "gp", {"long:journal"}},
      {"the run ends 3 days ago: over", journal().daily(20, 3), {}, "ok", {}},
      // moving: a twitch outside the local areas in the last 5 days.
      {"eye 4 days ago", journal().twitch(4, "where=eye"), {}, "gp", {"moving:journal"}},
      {"eye 5 days ago", journal().twitch(5, "where=eye"), {}, "ok", {}},
      {"arm today", journal().twitch(0, "where=arm"), {}, "gp", {"moving:journal"}},
      {"lip, named, today", journal().twitch(0, "where=lip"), {}, "ok", {}},
      {"an unknown area counts as outside", journal().twitch(0, "where=knee"), {}, "gp", {"moving:journal"}},
      {"lower-lip is an unknown area to these rules",
       journal().twitch(0, "where=lower-lip"),
       {},
       "gp",
       {"moving:journal"}},
      {"eye later today: after now", journal().twitch(0, "where=eye", "11:00:00"), {}, "ok", {}},
      {"eye tomorrow", journal().twitch(-1, "where=eye"), {}, "ok", {}},
      // monthly: twitches in 2 calendar months of the last 60 days.
      {"1 month", on_days({20, 0}), {}, "ok", {}},
      {"2 months", on_days({59, 0}), {}, "gp", {"monthly:journal"}},
      {"the first month just out of the window", on_days({60, 0}), {}, "ok", {}},
      {"2 months, lines out of order", on_days({0, 59}), {}, "gp", {"monthly:journal"}},
      // bite: the tag, in the last 10 days.
      {"tagged biting 9 days ago", journal().twitch(9, "tags=coffee,biting"), {}, "gp", {"bite:journal"}},
      {"tagged biting 10 days ago", journal().twitch(10, "tags=biting"), {}, "ok", {}},
      {"a tag that only contains biting", journal().twitch(0, "tags=biting-gum"), {}, "ok", {}},
      // flags fields of twitch and triage entries, in the flag window (10 days).
      {"flags=droop 9 days ago", journal().twitch(9, "flags=droop"), {}, "now", {"droop:journal"}},
      {"flags=droop 10 days ago", journal().twitch(10, "flags=droop"), {}, "ok", {}},
      {"a triage with flags=droop yesterday",
       journal().at(1, "triage level=now flags=droop"),
       {},
       "now",
       {"droop:journal"}},
      {"a triage with yes=droop 9 days ago",
       journal().at(9, "triage level=now yes=droop"),
       {},
       "now",
       {"droop:journal"}},
      {"a triage with yes=droop 10 days ago", journal().at(10, "triage level=now yes=droop"), {}, "ok", {}},
      {"a triage answered unsure: counts as yes",
       journal().at(1, "triage level=now unsure=droop"),
       {},
       "now",
       {"droop:journal"}},
      {"a triage with sudden=droop: counts as yes",
       journal().at(1, "triage level=now sudden=droop"),
       {},
       "now",
       {"droop:journal"}},
      {"a triage answered no", journal().at(1, "triage level=ok no=droop,bite"), {}, "ok", {}},
      {"a flag on a note does not count", journal().at(0, "note text=x flags=droop"), {}, "ok", {}},
      {"a flag on an unknown kind does not count", journal().at(0, "sneeze flags=droop"), {}, "ok", {}},
      {"an unknown flag id is ignored", journal().twitch(0, "flags=itchy"), {}, "ok", {}},
      // Answers.
      {"yes", journal(), {{"bite", Answer::yes}}, "gp", {"bite:answer"}},
      {"unsure counts as yes", journal(), {{"droop", Answer::unsure}}, "now", {"droop:answer"}},
      {"no", journal(), {{"droop", Answer::no}}, "ok", {}},
      {"a no never hides the journal",
       journal().twitch(3, "where=eye"),
       {{"moving", Answer::no}},
       "gp",
       {"moving:journal"}},
      {"answer and journal together",
       journal().twitch(3, "where=eye"),
       {{"moving", Answer::yes}},
       "gp",
       {"moving:both"}},
      {"the most urgent level wins, most urgent first, rule order within a level",
       journal().twitch(2, "flags=droop").twitch(1, "tags=biting"),
       {{"moving", Answer::yes}, {"long", Answer::no}},
       "now",
       {"droop:journal", "moving:answer", "bite:journal"}},
      // Lines left out are never fatal.
      {"a malformed line among good ones",
       journal().twitch(4, "where=eye").line("garbage").twitch(0, "severity=9x"),
       {},
       "gp",
       {"moving:journal"}},
  };
  for (const auto& s : scenarios) {
    const std::string name = s.name;
    CAPTURE(name);
    const Assessment a = triage(s.journal, s.answers);
    CHECK(a.level->id == s.level);
    CHECK(fired(a) == s.flags);
  }
}

TEST_CASE("every red flag of the fixture rules fires from an answer, a twitch's flags and a triage entry") {
  for (const auto& flag : rules().red_flags) {
    CAPTURE(flag.id);
    const Assessment by_answer = triage(journal(), {{flag.id, Answer::yes}});
    CHECK(fired(by_answer) == Ids{flag.id + ":answer"});
    CHECK(by_answer.level->id == flag.level);
    const Assessment by_twitch = triage(journal().twitch(5, "flags=" + flag.id));
    REQUIRE(by_twitch.fired.size() >= 1);
    CHECK(by_twitch.fired.front().flag->id == flag.id);
    CHECK(by_twitch.level->id == flag.level);
    const Assessment by_triage = triage(journal().at(5, "triage level=" + flag.level + " flags=" + flag.id));
    CHECK(fired(by_triage) == Ids{flag.id + ":journal"});
  }
  // And each journal rule from the history alone.
  CHECK(fired(triage(journal().twitch(1, "where=arm"))) == Ids{"moving:journal"});
  CHECK(fired(triage(journal().twitch(1, "tags=biting"))) == Ids{"bite:journal"});
  CHECK(fired(triage(on_days({40, 1}))) == Ids{"monthly:journal"});
  CHECK(fired(triage(journal().daily(9, 0))) == Ids{"long:journal"});
}

TEST_CASE("issue 13: a plain twitch is in the rules' default area, not a hard-coded lower-lip") {
  REQUIRE(rules().default_area()->id == "lip");
  REQUIRE(rules().find_area("lower-lip") == nullptr);
  const auto a = triage(journal().twitch(0).twitch(1, "severity=4 side=left").twitch(2, ""));
  CHECK(fired(a).empty());
  CHECK(a.level->id == "ok");
}

TEST_CASE("issue 13: an entry invalid as a whole is ignored by triage exactly as check rejects it") {
  const std::string lines[] = {
      "twitch severity=7 flags=droop",   // severity out of range
      "twitch tags=Coffee,biting",       // a tag that is not an id
      "twitch where=Eye",                // an area that is not an id
      "twitch duration=5x flags=droop",  // a bad duration
      "twitch side=up flags=droop",      // a bad side
      "triage flags=droop",              // a triage without its level
      "twitch flags=Droop,bite",         // a flag list with a non-id
  };
  for (const auto& line : lines) {
    CAPTURE(line);
    const std::string text = journal().at(1, line).text();
    const auto checked = check_journal_text(text, "j.txt", rules(), test::fixture_now());
    REQUIRE(checked.errors == 1);
    const auto findings = scan_for_triage_text(text, "j.txt", rules(), test::fixture_now());
    CHECK(findings.read.errors == 1);
    CHECK(findings.read.in_force == 0);
    CHECK(findings.by_flag.empty());
    REQUIRE(findings.read.diagnostics.size() == checked.diagnostics.size());
    for (std::size_t i = 0; i < checked.diagnostics.size(); ++i) {
      CHECK(findings.read.diagnostics[i].render() == checked.diagnostics[i].render());
    }
    CHECK(fired(assess(rules(), findings, {}, test::fixture_now())).empty());
  }
  // The same entries, valid, do fire: the test is about validity only.
  CHECK(fired(triage(journal().at(1, "twitch severity=5 flags=droop"))) == Ids{"droop:journal"});
  CHECK(fired(triage(journal().at(1, "twitch tags=coffee,biting"))) == Ids{"bite:journal"});
  CHECK(fired(triage(journal().at(1, "twitch where=eye"))) == Ids{"moving:journal"});
}

TEST_CASE("issue 13/14: an entry at +14:00 dated tomorrow but not after now counts today") {
  // 2026-11-25T08:00:00+14:00 is 2026-11-24T19:00:00+01:00: an hour before now.
  const Timestamp now = test::at("2026-11-24T20:00:00+01:00");
  const std::string text = journal().line("2026-11-25T08:00:00+14:00 twitch severity=4 flags=droop").text();
  const auto a = triage(text, {}, now);
  CHECK(fired(a) == Ids{"droop:journal"});
  CHECK(a.level->id == "now");
  // The windows see it as today: the moving rule too, and the flag window's last day.
  CHECK(fired(triage(journal().line("2026-11-25T08:00:00+14:00 twitch where=eye").text(), {}, now)) ==
        Ids{"moving:journal"});
  // The same entry an hour later than now is in the future: ignored.
  CHECK(fired(triage(text, {}, test::at("2026-11-24T18:30:00+01:00"))).empty());
  // And it closes a streak as its latest day: 9 days before it and itself make 10.
  const std::string streak = journal().daily(9, 1).line("2026-11-25T08:00:00+14:00 twitch").text();
  CHECK(fired(triage(streak, {}, now)) == Ids{"long:journal"});
}

TEST_CASE("issue 13: a retracted twitch or triage fires nothing; retracting the retract brings it back") {
  test::Journal j;
  j.twitch(1, "flags=droop where=eye tags=biting");
  j.at(0, "retract of=" + j.stamp(1) + " kind=twitch", "08:00:00");
  CHECK(fired(triage(j)).empty());

  test::Journal t;
  t.at(1, "triage level=now yes=droop");
  t.at(0, "retract of=" + t.stamp(1) + " kind=triage", "08:00:00");
  CHECK(fired(triage(t)).empty());

  j.at(0, "retract of=" + j.stamp(0, "08:00:00") + " kind=retract", "08:30:00");
  CHECK(fired(triage(j)) == Ids{"droop:journal", "moving:journal", "bite:journal"});

  // A retract of another kind takes back nothing.
  test::Journal other;
  other.twitch(1, "flags=droop");
  other.at(0, "retract of=" + other.stamp(1) + " kind=checkin", "08:00:00");
  CHECK(fired(triage(other)) == Ids{"droop:journal"});
}

TEST_CASE("evidence: figures, not words, and the journal lines they rest on") {
  SUBCASE("streak") {
    const auto a = triage(journal().daily(12, 0));  // lines 2 to 14
    REQUIRE(a.fired.size() == 1);
    const auto& e = a.fired[0].evidence.at(0);
    CHECK(e.kind == EvidenceKind::streak);
    CHECK(e.source() == EvidenceSource::journal);
    CHECK(e.count == 13);
    CHECK(format_date(date_from_days(e.first_day)) == "2026-11-12");
    CHECK(format_date(date_from_days(e.last_day)) == "2026-11-24");
    CHECK(e.span_days == 13);
    CHECK(e.max_gap_days == 2);
    CHECK(e.min_span_days == 10);
    CHECK(e.line_count == 13);
    CHECK(e.lines.front() == 2);
    CHECK(e.lines.back() == 14);
    CHECK(evidence_text(e) ==
          "twitching on 13 of the 13 days from 2026-11-12 to 2026-11-24 (no gap over 2 days); 10 days or more is the "
          "rule");
  }
  SUBCASE("streak with gaps: days with twitching fewer than the span") {
    const auto a = triage(on_days({11, 9, 8, 6, 4, 2, 0}));
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.count == 7);
    CHECK(e.span_days == 12);
    CHECK(format_date(date_from_days(e.first_day)) == "2026-11-13");
  }
  SUBCASE("moving, out of order: lines ascending, areas sorted") {
    const auto a = triage(journal().twitch(1, "where=arm").twitch(0).twitch(4, "where=eye").twitch(2, "where=eye"));
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.kind == EvidenceKind::outside_local_areas);
    CHECK(e.count == 3);
    CHECK(e.window_days == 5);
    CHECK(e.areas == Ids{"arm", "eye"});
    CHECK(e.lines == std::vector<std::uint64_t>{2, 4, 5});
    CHECK(evidence_text(e) == "3 twitches outside the local areas in the last 5 days (where: arm, eye)");
  }
  SUBCASE("months: the first line of each month") {
    const auto a = triage(on_days({0, 30, 31, 50}));  // 2026-11-24, 10-25, 10-24, 10-05
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.kind == EvidenceKind::months);
    CHECK(e.count == 2);
    CHECK(e.months == std::vector<YearMonth>{{2026, 10}, {2026, 11}});
    CHECK(e.window_days == 60);
    CHECK(e.min_months == 2);
    CHECK(e.lines == std::vector<std::uint64_t>{2, 3});  // October's first line is 3, not 5
    CHECK(evidence_text(e) ==
          "twitches in 2 calendar months of the last 60 days (2026-10, 2026-11), 2 or more is the rule");
  }
  SUBCASE("months across a new year") {
    const Timestamp now = test::at("2027-01-10T10:00:00+01:00");
    const auto a = triage(test::Journal(now.day()).twitch(20).twitch(0).text(), {}, now);
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.months == std::vector<YearMonth>{{2026, 12}, {2027, 1}});
  }
  SUBCASE("an answer, then the journal rule, then the flags") {
    const auto a = triage(journal().twitch(2, "tags=biting").twitch(1, "flags=bite").at(0, "triage level=gp yes=bite"),
                          {{"bite", Answer::unsure}});
    REQUIRE(a.fired.size() == 1);
    const auto& ev = a.fired[0].evidence;
    REQUIRE(ev.size() == 4);
    CHECK(ev[0].kind == EvidenceKind::answer);
    CHECK(ev[0].source() == EvidenceSource::answer);
    CHECK(ev[0].answer == Answer::unsure);
    CHECK(evidence_text(ev[0]) == "answered unsure, counted as yes");
    CHECK(ev[1].kind == EvidenceKind::tag);
    CHECK(ev[1].tags == Ids{"biting"});
    CHECK(ev[1].count == 1);
    CHECK(ev[1].window_days == 10);
    CHECK(evidence_text(ev[1]) == "1 twitch tagged biting in the last 10 days");
    CHECK(ev[1].lines == std::vector<std::uint64_t>{2});
    CHECK(ev[2].kind == EvidenceKind::twitch_flags);
    CHECK(ev[2].count == 1);
    CHECK(ev[2].window_days == 10);
    CHECK(evidence_text(ev[2]) == "named in the flags of 1 twitch entry in the last 10 days");
    CHECK(ev[2].lines == std::vector<std::uint64_t>{3});
    CHECK(ev[3].kind == EvidenceKind::triage_flags);
    CHECK(evidence_text(ev[3]) == "answered yes or unsure in 1 triage in the last 10 days");
    CHECK(ev[3].lines == std::vector<std::uint64_t>{4});
    CHECK(a.counted_unsure);
    CHECK(evidence_text(triage(journal(), {{"bite", Answer::yes}}).fired.at(0).evidence.at(0)) == "answered yes");
  }
  SUBCASE("plurals") {
    const auto a = triage(journal()
                              .twitch(1, "tags=biting flags=bite")
                              .twitch(2, "tags=biting flags=bite")
                              .at(1, "triage level=gp yes=bite")
                              .at(2, "triage level=gp flags=bite"));
    const auto& ev = a.fired.at(0).evidence;
    REQUIRE(ev.size() == 3);
    CHECK(evidence_text(ev[0]) == "2 twitches tagged biting in the last 10 days");
    CHECK(evidence_text(ev[1]) == "named in the flags of 2 twitch entries in the last 10 days");
    CHECK(evidence_text(ev[2]) == "answered yes or unsure in 2 triages in the last 10 days");
  }
  SUBCASE("line lists are capped, the count is not") {
    test::Journal j;
    for (int i = 0; i < 200; ++i) j.twitch(1, "where=arm");
    const auto a = triage(j);
    const auto& e = a.fired.at(0).evidence.at(0);
    CHECK(e.count == 200);
    CHECK(e.line_count == 200);
    CHECK(e.lines.size() == kMaxEvidenceLines);
  }
}

TEST_CASE("malformed lines are left out as errors naming the place") {
  const auto text = journal().twitch(0).line("2026-11-24 twitch").text() + "2026-11-2";
  const auto findings = scan_for_triage_text(text, "j.txt", rules(), test::fixture_now());
  REQUIRE(findings.read.diagnostics.size() == 2);
  CHECK(findings.read.diagnostics[0].render().starts_with("j.txt:3:11: error: expected 'T'"));
  CHECK(findings.read.diagnostics[1].render().starts_with("j.txt:4:"));
  CHECK(findings.read.diagnostics[1].message.starts_with("the last line has no newline"));
  CHECK(findings.read.summary.entries == 1);
  CHECK(findings.read.in_force == 1);
}

TEST_CASE("the open questions: neither answered nor fired, most urgent first") {
  const auto findings =
      scan_for_triage_text(journal().twitch(0, "where=eye").text(), "j.txt", rules(), test::fixture_now());
  Ids ids;
  for (const auto* q : open_questions(rules(), findings, {{"bite", Answer::no}})) ids.push_back(q->id);
  CHECK(ids == Ids{"droop", "long", "monthly"});
  ids.clear();
  for (const auto* q : open_questions(rules(), findings, {})) ids.push_back(q->id);
  CHECK(ids == Ids{"droop", "long", "monthly", "bite"});
}

TEST_CASE("recording and exit statuses") {
  const auto a = triage(journal().twitch(1, "where=eye"),
                        {{"bite", Answer::yes}, {"droop", Answer::unsure}, {"long", Answer::no}});
  CHECK(a.level->id == "now");
  CHECK(triage_entry(a, test::fixture_now()) == "2026-11-24T10:00:00+01:00 triage level=now flags=droop,bite");
  CHECK(triage_entry(triage(journal(), {{"long", Answer::no}}), test::fixture_now()) ==
        "2026-11-24T10:00:00+01:00 triage level=ok");
  // A flag fired from the journal alone is not recorded as an answer.
  CHECK(triage_entry(triage(journal().twitch(1, "where=eye"), {{"long", Answer::no}}), test::fixture_now()) ==
        "2026-11-24T10:00:00+01:00 triage level=gp");
  CHECK(exit_status_for(triage(journal())) == 0);
  CHECK(exit_status_for(triage(journal(), {{"bite", Answer::yes}})) == 10);
  CHECK(exit_status_for(triage(journal(), {{"droop", Answer::yes}})) == 11);
}

TEST_CASE("the text report words the figures; the level, the questions left and the disclaimer") {
  const auto a =
      triage(journal().twitch(1, "where=eye").daily(12, 0), {{"bite", Answer::no}, {"droop", Answer::unsure}});
  const std::string text = render_text(a);
  CHECK(text ==
        "Care level: now (Urgent)\n"
        "  Urgent.\n"
        "  Call for help.\n"
        "\n"
        "Red flags:\n"
        "  droop  now  from the answer\n"
        "    Droop?\n"
        "    - answered unsure, counted as yes\n"
        "    What to do: Call for help.\n"
        "  moving  gp  from the journal\n"
        "    Has it moved?\n"
        "    - 1 twitch outside the local areas in the last 5 days (where: eye)\n"
        "      j.txt:2\n"
        "    What to do: Book a GP.\n"
        "  long  gp  from the journal\n"
        "    Long?\n"
        "    - twitching on 13 of the 13 days from 2026-11-12 to 2026-11-24 (no gap over 2 days); 10 days or more is "
        "the rule\n"
        "      j.txt:2, j.txt:3, j.txt:4, j.txt:5, j.txt:6 and 8 more\n"
        "    What to do: Book a GP.\n"
        "\n"
        "An \"unsure\" answer counts as yes: when in doubt, get it checked.\n"
        "\n"
        "Not answered: monthly\n"
        "  Answer them with --yes ID,... and --no ID,..., or run triage on a terminal.\n"
        "\n"
        "As of 2026-11-24T10:00:00+01:00, from j.txt.\n"
        "Fixture rules: not medical advice.\n");
  CHECK(text.find("\x1b[") == std::string::npos);
  TriageView view;
  view.journal = "j.txt";
  view.color = true;
  CHECK(render_triage_text(a, rules(), view).find("\x1b[") != std::string::npos);

  const auto none = render_text(triage(journal().twitch(0)));
  CHECK(none.find("\nNo red flag, from your answers or from the journal.\n") != std::string::npos);
  CHECK(none.find("\nNot answered: droop, moving, long, monthly, bite\n") != std::string::npos);
  // A no answered against the journal is said so.
  const auto against = render_text(triage(journal().twitch(0, "where=eye"), {{"moving", Answer::no}}));
  CHECK(against.find("    - you answered no, but the journal shows it\n") != std::string::npos);
}

TEST_CASE("the JSON report carries every figure the text shows") {
  const auto a = triage(journal()
                            .twitch(1, "where=eye tags=biting flags=bite")
                            .daily(12, 0)
                            .twitch(59)
                            .at(0, "triage level=gp yes=bite", "08:00:00"),
                        {{"bite", Answer::yes}, {"droop", Answer::no}});
  TriageView view;
  view.journal = "j.txt";
  const std::string json = render_triage_json(a, rules(), view);
  // The writer puts each value on a line of its own; joined, each object reads on one line.
  std::string flat;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] != '\n') {
      flat += json[i];
      continue;
    }
    while (i + 1 < json.size() && json[i + 1] == ' ') ++i;
  }
  for (const char* needle : {
           "\"level\": \"gp\",\"level_rank\": 1,\"level_name\": \"See a GP\",\"level_meaning\": \"Worth a look.\","
           "\"action\": \"Book a GP.\",",
           "{\"id\": \"bite\",\"name\": \"Bite\",\"level\": \"gp\",\"question\": \"Biting?\",\"source\": "
           "\"answer+journal\",\"answer\": \"yes\",",
           "\"as_of\": \"2026-11-24T10:00:00+01:00\",",
           "\"droop\": \"no\"",
           "\"recorded\": false,",
           "\"unanswered\": [],",
           // the answer
           "{\"source\": \"answer\",\"rule\": null,\"answer\": \"yes\",\"text\": \"answered yes\",\"lines\": [],"
           "\"line_count\": 0}",
           // moving
           "{\"source\": \"journal\",\"rule\": \"outside-local-areas\",\"window_days\": 5,\"twitches\": 1,"
           "\"areas\": [\"eye\"],\"text\": \"1 twitch outside the local areas in the last 5 days (where: eye)\","
           "\"lines\": [2],\"line_count\": 1}",
           // long
           "\"rule\": \"streak\",\"first_day\": \"2026-11-12\",\"last_day\": \"2026-11-24\",\"twitch_days\": 13,"
           "\"span_days\": 13,\"max_gap_days\": 2,\"min_span_days\": 10,\"text\": \"twitching on 13 of the 13 days",
           // monthly
           "\"rule\": \"months\",\"window_days\": 60,\"months\": [\"2026-09\",\"2026-11\"],\"min_months\": 2,"
           "\"text\": \"twitches in 2 calendar months",
           // bite: the tag rule and the flags of a twitch and of a triage
           "\"rule\": \"tag\",\"window_days\": 10,\"twitches\": 1,\"tags\": [\"biting\"],\"text\": ",
           "\"rule\": \"flags\",\"window_days\": 10,\"entry_kind\": \"twitch\",\"entries\": 1,\"text\": \"named in",
           "\"rule\": \"flags\",\"window_days\": 10,\"entry_kind\": \"triage\",\"entries\": 1,\"text\": "
           "\"answered yes or unsure in 1 triage in the last 10 days\",\"lines\": [17],\"line_count\": 1}",
       }) {
    CHECK_MESSAGE(flat.find(needle) != std::string::npos, needle);
  }
  CAPTURE(json);
}

TEST_CASE("the shipped rules load, and every red flag in them has a question and a known level") {
  const RuleSet shipped = load_builtin_rules();
  REQUIRE_FALSE(shipped.red_flags.empty());
  for (const auto& flag : shipped.red_flags) {
    CAPTURE(flag.id);
    CHECK_FALSE(flag.question.empty());
    CHECK(flag.question.back() == '?');
    CHECK_FALSE(flag.action.empty());
    CHECK(shipped.find_level(flag.level) != nullptr);
  }
  // A journal rule fires on them too (the shipped default area is local).
  const Timestamp now = test::fixture_now();
  const auto findings = scan_for_triage_text(test::Journal().twitch(0).text(), "j.txt", shipped, now);
  CHECK(findings.by_flag.empty());
}
