// Triage. The scenario table runs on the shipped rules (data/rules.toml),
// because the levels, windows and combinations of default-rules.md are what
// it must get right; a second part runs on the fixture rules
// (tests/unit/fixtures.hpp: levels ok < gp < now, "now" for 24 hours then
// "gp", "gp" open 10 days), to show that every number comes from the rules.
//
// "Now" is 2026-11-24T10:00:00+01:00 (TZ is CET in the tests); test::Journal
// writes entries N days before that date at a given clock time.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/check.hpp"
#include "twitchlog/triage.hpp"

using namespace twitchlog;

namespace {

const RuleSet& shipped() {
  static const RuleSet rules = load_builtin_rules();
  return rules;
}
const RuleSet& fixture() { return test::fixture_rules(); }

using Ids = std::vector<std::string>;

RunAnswers answers(std::initializer_list<std::pair<const char*, Answer>> given,
                   std::initializer_list<const char*> sudden = {}) {
  RunAnswers run;
  for (const auto& [id, answer] : given) run.answers[id] = answer;
  for (const char* id : sudden) run.sudden.insert(id);
  return run;
}

Assessment triage(const RuleSet& rules, const std::string& text, const RunAnswers& run = {},
                  const Timestamp& now = test::fixture_now()) {
  return assess(rules, scan_for_triage_text(text, "j.txt", rules, now), run);
}

// "id@level" of each open flag, most urgent first, then "+combination".
Ids open(const Assessment& a) {
  Ids out;
  for (const auto& f : a.fired) out.push_back(f.flag->id + "@" + f.level->id);
  for (const auto& c : a.combinations) out.push_back("+" + c.rule->id);
  return out;
}

Ids ids(const std::vector<const RedFlag*>& flags) {
  Ids out;
  for (const auto* f : flags) out.push_back(f->id);
  return out;
}

test::Journal journal() { return test::Journal(); }

struct Scenario {
  const char* name;
  test::Journal journal;
  RunAnswers answers;
  const char* level;
  Ids open;
};

}  // namespace

TEST_CASE("every red flag of the shipped rules: the 24 public ids, a question, a level and a source") {
  const Ids expected{"stroke-signs", "breathing",   "seizure",  "weakness",        "drooping",   "speech",
                     "vision",       "swallowing",  "ear-rash", "tingling-cramps", "numb-chin",  "head-injury",
                     "jaw-headache", "dystonia",    "wasting",  "spreading",       "persistent", "recurring",
                     "chewing",      "eye-closing", "eye-red",  "stiffness",       "medicine",   "known-condition"};
  CHECK(shipped().red_flag_ids() == expected);
  for (const auto& flag : shipped().red_flags) {
    CAPTURE(flag.id);
    CHECK(flag.question.back() == '?');
    CHECK_FALSE(flag.action.empty());
    CHECK_FALSE(flag.source.empty());
    CHECK(shipped().find_level(flag.level) != nullptr);
  }
  for (const auto& c : shipped().causes) {
    CAPTURE(c.id);
    CHECK_FALSE(c.source.empty());
  }
  for (const auto& m : shipped().remedies) {
    CAPTURE(m.id);
    CHECK_FALSE(m.source.empty());
  }
  const Ids levels{"stroke-signs", "breathing", "seizure"};
  for (const auto& id : levels) CHECK(shipped().find_red_flag(id)->level == "emergency");
  for (const char* id : {"weakness", "drooping", "speech", "vision"}) CHECK(shipped().find_red_flag(id)->onset);
  CHECK(shipped().find_red_flag("sudden-droop") == shipped().find_red_flag("stroke-signs"));
  // The emergency numbers are in one place and reach the emergency action.
  const std::string& action = shipped().find_level("emergency")->action;
  for (const char* number : {"999", "112", "911", "000"}) {
    CHECK(shipped().triage.emergency_numbers.find(number) != std::string::npos);
    CHECK(action.find(number) != std::string::npos);
  }
  CHECK(action.find("{emergency_numbers}") == std::string::npos);
}

TEST_CASE("the remedy content that must be right") {
  const std::string& magnesium = shipped().find_remedy("magnesium")->how;
  CHECK(shipped().find_remedy("magnesium")->kind == RemedyKind::long_term);
  CHECK(magnesium.find("at most 350 mg") != std::string::npos);
  for (const char* wrong : {"400 mg", "600 mg", "200 mg", "oil"}) CHECK(magnesium.find(wrong) == std::string::npos);
  for (const char* caution : {"kidney", "pregnant", "tetracyclines", "quinolones", "bisphosphonates"})
    CHECK(magnesium.find(caution) != std::string::npos);
  CHECK(shipped().find_remedy("caffeine-limit")->how.find("green tea has caffeine") != std::string::npos);
  CHECK(shipped().find_remedy("diet")->how.find("spironolactone") != std::string::npos);
  CHECK(shipped().find_remedy("hydration")->how.find("limit salt") != std::string::npos);
  CHECK(shipped().find_remedy("botox")->how.find("blepharospasm") != std::string::npos);
  CHECK(shipped().find_remedy("gabapentin")->how.find("dependence") != std::string::npos);
  // The article's cost figure: once, as one US case.
  int costs = 0;
  for (const auto& m : shipped().remedies) costs += m.cost.empty() ? 0 : 1;
  CHECK(costs == 1);
  CHECK(shipped().find_remedy("blood-work")->cost.find("one US case") != std::string::npos);
  CHECK(shipped().find_cause("medication")->mechanism.find("Do not stop") != std::string::npos);
  CHECK(shipped().find_cause("alcohol") != nullptr);
  CHECK(shipped().find_factor("alcohol") != nullptr);
}

TEST_CASE("each red flag fires alone at its level: from an answer, a twitch's flags and a triage entry") {
  for (const auto& flag : shipped().red_flags) {
    CAPTURE(flag.id);
    const Ids expected{flag.id + "@" + flag.level};
    const Assessment by_answer = triage(shipped(), journal().text(), answers({{flag.id.c_str(), Answer::yes}}));
    CHECK(open(by_answer) == expected);
    CHECK(by_answer.level->id == flag.level);
    const Assessment by_twitch = triage(shipped(), journal().twitch(0, "flags=" + flag.id, "09:00:00").text());
    CHECK(open(by_twitch) == expected);
    const Assessment by_triage =
        triage(shipped(), journal().at(0, "triage level=self-care yes=" + flag.id, "09:00:00").text());
    CHECK(open(by_triage) == expected);
    const Assessment unsure = triage(shipped(), journal().text(), answers({{flag.id.c_str(), Answer::unsure}}));
    CHECK(open(unsure) == expected);
    CHECK(unsure.counted_unsure);
    // A "no" alone opens nothing.
    CHECK(open(triage(shipped(), journal().text(), answers({{flag.id.c_str(), Answer::no}}))).empty());
  }
}

TEST_CASE("scenarios: the levels of default-rules.md on both sides of every boundary") {
  const auto stroke_at = [](const char* clock, int days_ago) {
    return journal().twitch(days_ago, "flags=stroke-signs", clock);
  };
  const Scenario scenarios[] = {
      {"an empty journal and no answers", journal(), {}, "self-care", {}},
      {"a plain twitch", journal().twitch(0), {}, "self-care", {}},
      // The 24-hour step down of an emergency flag: now is 10:00.
      {"stroke signs 23 h 59 m ago", stroke_at("10:01:00", 1), {}, "emergency", {"stroke-signs@emergency"}},
      {"stroke signs 24 h 01 m ago", stroke_at("09:59:00", 1), {}, "doctor-soon", {"stroke-signs@doctor-soon"}},
      {"stroke signs 42 days ago, no visit",
       stroke_at("09:00:00", 42),
       {},
       "doctor-soon",
       {"stroke-signs@doctor-soon"}},
      {"stroke signs from an old journal's sudden-droop",
       journal().twitch(0, "flags=sudden-droop", "09:00:00"),
       {},
       "emergency",
       {"stroke-signs@emergency"}},
      {"an old triage entry's flags=sudden-droop, 25 days ago",
       journal().at(25, "triage level=emergency flags=sudden-droop"),
       {},
       "doctor-soon",
       {"stroke-signs@doctor-soon"}},
      // Onset: a sudden onset makes an onset flag an emergency for 24 hours.
      {"drooping now, came on suddenly",
       journal(),
       answers({{"drooping", Answer::yes}}, {"drooping"}),
       "emergency",
       {"drooping@emergency"}},
      {"drooping now, not sudden",
       journal(),
       answers({{"drooping", Answer::yes}}),
       "doctor-soon",
       {"drooping@doctor-soon"}},
      {"a sudden drooping recorded 23 h 59 m ago",
       journal().at(1, "triage level=emergency yes=drooping sudden=drooping", "10:01:00"),
       {},
       "emergency",
       {"drooping@emergency"}},
      {"a sudden drooping recorded 24 h 01 m ago",
       journal().at(1, "triage level=emergency yes=drooping sudden=drooping", "09:59:00"),
       {},
       "doctor-soon",
       {"drooping@doctor-soon"}},
      {"sudden counts as yes on its own",
       journal().at(0, "triage level=emergency sudden=speech", "09:00:00"),
       {},
       "emergency",
       {"speech@emergency"}},
      // Combinations: emergency whatever the onset, while both parts are recent.
      {"drooping with speech",
       journal(),
       answers({{"drooping", Answer::yes}, {"speech", Answer::yes}}),
       "emergency",
       {"drooping@doctor-soon", "speech@doctor-soon", "+face-and-speech"}},
      {"the issue's case: no to stroke signs, yes to drooping and speech",
       journal(),
       answers({{"stroke-signs", Answer::no}, {"drooping", Answer::yes}, {"speech", Answer::yes}}),
       "emergency",
       {"drooping@doctor-soon", "speech@doctor-soon", "+face-and-speech"}},
      {"weakness with speech",
       journal(),
       answers({{"weakness", Answer::unsure}, {"speech", Answer::yes}}),
       "emergency",
       {"weakness@doctor-soon", "speech@doctor-soon", "+face-and-speech"}},
      {"jaw-headache with vision",
       journal(),
       answers({{"jaw-headache", Answer::yes}, {"vision", Answer::yes}}),
       "emergency",
       {"vision@doctor-soon", "jaw-headache@doctor-soon", "+jaw-headache-and-vision"}},
      {"drooping with vision is no combination",
       journal(),
       answers({{"drooping", Answer::yes}, {"vision", Answer::yes}}),
       "doctor-soon",
       {"drooping@doctor-soon", "vision@doctor-soon"}},
      {"drooping 2 days ago, speech now: the older part is not recent",
       journal().twitch(2, "flags=drooping"),
       answers({{"speech", Answer::yes}}),
       "doctor-soon",
       {"drooping@doctor-soon", "speech@doctor-soon"}},
      {"drooping and speech logged 23 h ago",
       journal().twitch(1, "flags=drooping,speech", "11:00:00"),
       {},
       "emergency",
       {"drooping@doctor-soon", "speech@doctor-soon", "+face-and-speech"}},
      {"a part closed by a visit does not count",
       journal()
           .twitch(0, "flags=drooping", "07:00:00")
           .at(0, "visit", "08:00:00")
           .twitch(0, "flags=speech", "09:00:00"),
       {},
       "doctor-soon",
       {"speech@doctor-soon"}},
      // Open until a visit; a visit closes any flag, also within the 24 hours.
      {"the issue's case: drooping 42 days ago, a twitch yesterday",
       journal().twitch(42, "flags=drooping note=\"left lip drooping since this morning\"").twitch(1),
       {},
       "doctor-soon",
       {"drooping@doctor-soon"}},
      {"drooping 42 days ago, seen by a doctor since",
       journal().twitch(42, "flags=drooping").at(40, "visit note=GP"),
       {},
       "self-care",
       {}},
      {"a visit before the flag does not close it",
       journal().at(3, "visit").twitch(2, "flags=drooping"),
       {},
       "doctor-soon",
       {"drooping@doctor-soon"}},
      {"a visit inside the 24 hours", stroke_at("08:00:00", 0).at(0, "visit", "09:00:00"), {}, "self-care", {}},
      {"the visit's own instant: not later than the flag",
       journal().twitch(0, "flags=stroke-signs", "09:00:00").at(0, "visit", "09:00:00"),
       {},
       "emergency",
       {"stroke-signs@emergency"}},
      // A doctor-level flag stays open 30 days.
      {"chewing 29 days ago", journal().twitch(29, "flags=chewing"), {}, "doctor", {"chewing@doctor"}},
      {"chewing 30 days ago", journal().twitch(30, "flags=chewing"), {}, "self-care", {}},
      {"a twitch tagged chewing counts as the flag",
       journal().twitch(3, "tags=coffee,chewing"),
       {},
       "doctor",
       {"chewing@doctor"}},
      // A no never closes a yes.
      {"yes 3 days ago, no yesterday",
       journal().at(3, "triage level=doctor-soon yes=drooping").at(1, "triage level=self-care no=drooping"),
       {},
       "doctor-soon",
       {"drooping@doctor-soon"}},
      {"a yes recorded, a no now",
       journal().at(3, "triage level=doctor-soon yes=drooping"),
       answers({{"drooping", Answer::no}}),
       "doctor-soon",
       {"drooping@doctor-soon"}},
      // spreading: 2 places within 7 days; the lips are one place.
      {"one area, not the lip", journal().twitch(0, "where=eyelid duration=10s"), {}, "self-care", {}},
      {"both lips are one place", journal().twitch(0, "where=upper-lip").twitch(0), {}, "self-care", {}},
      {"eyelid and lip", journal().twitch(0, "where=eyelid").twitch(0), {}, "doctor", {"spreading@doctor"}},
      {"eyelid 6 days before the lip",
       journal().twitch(6, "where=eyelid").twitch(0),
       {},
       "doctor",
       {"spreading@doctor"}},
      {"eyelid 8 days before the lip", journal().twitch(8, "where=eyelid").twitch(0), {}, "self-care", {}},
      {"an unknown area is a place of its own",
       journal().twitch(1, "where=knee").twitch(0),
       {},
       "doctor",
       {"spreading@doctor"}},
      {"spreading seen by a doctor",
       journal().twitch(2, "where=eyelid").twitch(1).at(0, "visit", "08:00:00"),
       {},
       "self-care",
       {}},
      {"spreading again after the visit",
       journal().twitch(2, "where=eyelid").at(1, "visit").twitch(0, "where=arm", "08:00:00").twitch(0),
       {},
       "doctor",
       {"spreading@doctor"}},
      {"one place after the visit", journal().twitch(2, "where=eyelid").at(1, "visit").twitch(0), {}, "self-care", {}},
      // persistent: the run holding the latest twitch day spans 14 days.
      {"13 days of twitching", journal().daily(12, 0), {}, "self-care", {}},
      {"14 days of twitching", journal().daily(13, 0), {}, "doctor", {"persistent@doctor"}},
      {"14 days with gaps of 3",
       journal().twitch(13).twitch(10).twitch(7).twitch(4).twitch(1).twitch(0),
       {},
       "doctor",
       {"persistent@doctor"}},
      {"a gap of 4 breaks the run", journal().daily(20, 9).daily(4, 0), {}, "self-care", {}},
      {"the run ended 7 days ago", journal().daily(30, 7), {}, "self-care", {}},
      {"the run ended 6 days ago", journal().daily(30, 6), {}, "doctor", {"persistent@doctor"}},
      {"14 days, 10 of them before a visit", journal().daily(13, 0).at(4, "visit", "12:00:00"), {}, "self-care", {}},
      // recurring: 3 runs in 180 days, each 28 days or more after the last counted.
      {"runs 28 days apart", journal().twitch(56).twitch(28).twitch(0), {}, "doctor", {"recurring@doctor"}},
      {"runs 27 days apart", journal().twitch(54).twitch(27).twitch(0), {}, "self-care", {}},
      {"the first run 180 days ago", journal().twitch(180).twitch(100).twitch(0), {}, "self-care", {}},
      {"the first run 179 days ago", journal().twitch(179).twitch(100).twitch(0), {}, "doctor", {"recurring@doctor"}},
      // Retracted entries: a mistaken answer and a mistaken twitch.
      {"a retracted triage answer",
       journal()
           .at(25, "triage level=emergency unsure=stroke-signs")
           .at(0, "retract of=2026-10-30T09:00:00+01:00 kind=triage", "08:00:00"),
       {},
       "self-care",
       {}},
      {"a retracted twitch",
       journal().twitch(1, "flags=drooping").at(0, "retract of=2026-11-23T09:00:00+01:00 kind=twitch", "08:00:00"),
       {},
       "self-care",
       {}},
      // An approximate entry counts from the latest instant of its day for a flag.
      {"stroke signs yesterday, time unknown",
       journal().twitch(1, "flags=stroke-signs approx=day"),
       {},
       "emergency",
       {"stroke-signs@emergency"}},
      {"a visit today, time unknown, closes what came before today",
       journal()
           .twitch(1, "flags=drooping")
           .at(0, "visit approx=day", "12:00:00")
           .twitch(0, "flags=speech", "09:00:00"),
       {},
       "doctor-soon",
       {"speech@doctor-soon"}},
      {"stroke signs this morning (approx=part, stand-in 09:00): counts until 11:59:59, so 22 h later",
       journal().twitch(1, "flags=stroke-signs approx=part", "09:00:00"),
       {},
       "emergency",
       {"stroke-signs@emergency"}},
      {"stroke signs yesterday morning, exact 09:00: 25 h later",
       journal().twitch(1, "flags=stroke-signs", "09:00:00"),
       {},
       "doctor-soon",
       {"stroke-signs@doctor-soon"}},
      {"a visit this morning (approx=part) counts from 05:00: closes 04:30, not 06:00",
       journal()
           .twitch(0, "flags=drooping", "04:30:00")
           .twitch(0, "flags=speech", "06:00:00")
           .at(0, "visit approx=part", "09:00:00"),
       {},
       "doctor-soon",
       {"speech@doctor-soon"}},
      // Entries after now count for nothing.
      {"stroke signs later today", stroke_at("11:00:00", 0), {}, "self-care", {}},
  };
  for (const auto& s : scenarios) {
    const std::string name = s.name;
    CAPTURE(name);
    const Assessment a = triage(shipped(), s.journal.text(), s.answers);
    CHECK(a.level->id == std::string(s.level));
    CHECK(open(a) == s.open);
  }
}

TEST_CASE("closed flags say which visit closed them; a pattern too") {
  const Assessment a =
      triage(shipped(), journal().twitch(5, "flags=drooping where=eyelid").twitch(5).at(2, "visit note=GP").text());
  CHECK(open(a).empty());
  REQUIRE(a.closed.size() == 2);
  CHECK(a.closed[0].flag->id == "drooping");
  CHECK(a.closed[1].flag->id == "spreading");
  CHECK(format_timestamp(a.closed[0].visit) == "2026-11-22T09:00:00+01:00");
  // A flag past its own window is not "closed by a visit": it was over anyway.
  const Assessment old = triage(shipped(), journal().twitch(40, "flags=chewing").at(35, "visit").text());
  CHECK(old.closed.empty());
}

TEST_CASE("the memory of a no: spared 7 days at doctor-soon and 30 at doctor; emergency questions always asked") {
  const auto unanswered = [](const std::string& text) {
    const Assessment a = triage(shipped(), text);
    return std::make_pair(ids(a.unanswered), a.spared);
  };
  const auto no = [](int days_ago, const char* ids) {
    return journal().at(days_ago, std::string("triage level=self-care no=") + ids).text();
  };
  const auto has = [](const Ids& list, const char* id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  CHECK_FALSE(has(unanswered(no(6, "swallowing")).first, "swallowing"));
  CHECK(unanswered(no(6, "swallowing")).second.front().flag->id == "swallowing");
  CHECK(has(unanswered(no(7, "swallowing")).first, "swallowing"));
  CHECK_FALSE(has(unanswered(no(29, "wasting")).first, "wasting"));
  CHECK(has(unanswered(no(30, "wasting")).first, "wasting"));
  CHECK(has(unanswered(no(0, "stroke-signs")).first, "stroke-signs"));
  // An empty journal: all 24 to ask, emergency questions first.
  const Assessment empty = triage(shipped(), journal().text());
  CHECK(empty.unanswered.size() == 24);
  CHECK(ids(empty.unanswered).front() == "stroke-signs");
  CHECK(ids(empty.unanswered)[2] == "seizure");
  // An open flag is not asked; with an emergency open nothing is asked.
  const Assessment open_flag = triage(shipped(), journal().twitch(1, "flags=chewing").text());
  CHECK_FALSE(has(ids(open_questions(shipped(), open_flag)), "chewing"));
  CHECK(open_questions(shipped(), open_flag).size() == 23);
  const Assessment emergency = triage(shipped(), journal().text(), answers({{"breathing", Answer::yes}}));
  CHECK(open_questions(shipped(), emergency).empty());
  // An emergency flag stepped down to doctor-soon is open, yet its question is asked again: new signs matter most.
  const Assessment stepped = triage(shipped(), journal().twitch(2, "flags=stroke-signs").text());
  CHECK(open(stepped) == Ids{"stroke-signs@doctor-soon"});
  CHECK(ids(open_questions(shipped(), stepped)).front() == "stroke-signs");
}

TEST_CASE("the triage entry records this run's answers: yes, no, unsure and sudden") {
  const Assessment a = triage(shipped(), journal().twitch(1, "flags=chewing").text(),
                              answers({{"drooping", Answer::yes},
                                       {"stroke-signs", Answer::no},
                                       {"speech", Answer::unsure},
                                       {"wasting", Answer::no}},
                                      {"drooping"}));
  CHECK(a.level->id == "emergency");
  CHECK(triage_entry(a, test::fixture_now()) ==
        "2026-11-24T10:00:00+01:00 triage level=emergency yes=drooping no=stroke-signs,wasting unsure=speech "
        "sudden=drooping");
  // The journal's own flags are not answers of this run.
  CHECK(triage_entry(triage(shipped(), journal().twitch(1, "flags=chewing").text(), answers({{"wasting", Answer::no}})),
                     test::fixture_now()) == "2026-11-24T10:00:00+01:00 triage level=doctor no=wasting");
  // What was recorded reads back as the same answers.
  const std::string recorded = journal().text() + triage_entry(a, test::fixture_now()) + "\n";
  const Assessment back = triage(shipped(), recorded, {}, test::at("2026-11-24T10:05:00+01:00"));
  CHECK(open(back) == Ids{"drooping@emergency", "speech@doctor-soon", "+face-and-speech"});
  CHECK(exit_status_for(back) == 12);
  CHECK(exit_status_for(triage(shipped(), journal().text())) == 0);
}

TEST_CASE("open flags say since when, until when and what closes them") {
  const Assessment a =
      triage(shipped(), journal().twitch(0, "flags=stroke-signs", "08:00:00").twitch(3, "flags=chewing").text());
  const FiredFlag* stroke = a.find("stroke-signs");
  REQUIRE(stroke != nullptr);
  CHECK(format_timestamp(stroke->since) == "2026-11-24T08:00:00+01:00");
  REQUIRE(stroke->steps_down_at.has_value());
  CHECK(format_timestamp(*stroke->steps_down_at) == "2026-11-25T08:00:00+01:00");
  CHECK(stroke->steps_down_to->id == "doctor-soon");
  const FiredFlag* chewing = a.find("chewing");
  REQUIRE(chewing != nullptr);
  CHECK(format_date(date_from_days(*chewing->open_until_day)) == "2026-12-20");
  TriageView view;
  view.journal = "j.txt";
  const auto notes = open_flag_notes(*stroke, view);
  REQUIRE(notes.size() == 3);
  CHECK(notes[0] ==
        "Open since 2026-11-24 08:00; emergency until 2026-11-25 08:00, then doctor-soon until a doctor "
        "has seen you.");
  CHECK(notes[1] == "Seen a doctor about it? `twitchlog log --visit` closes it.");
  CHECK(notes[2] == "Logged by mistake? `twitchlog retract 2026-11-24T08:00:00+01:00 --kind twitch`");
  // An answer of this run: the command names the triage entry just recorded.
  const Assessment answered = triage(shipped(), journal().text(), answers({{"speech", Answer::yes}}));
  view.recorded = true;
  view.recorded_at = test::fixture_now();
  const auto answer_notes = open_flag_notes(answered.fired.front(), view);
  CHECK(answer_notes.back() == "Answered by mistake? `twitchlog retract 2026-11-24T10:00:00+01:00 --kind triage`");
  CHECK(answer_notes.front() ==
        "Open since 2026-11-24 10:00; open until a doctor has seen you (a past event like "
        "this still needs checking).");
}

TEST_CASE("self-care says how many questions were not answered, and never calls it harmless") {
  TriageView view;
  view.journal = "j.txt";
  const std::string text = render_triage_text(triage(shipped(), journal().text()), shipped(), view);
  CHECK(text.find("24 of the 24 questions were not answered") != std::string::npos);
  CHECK(text.find("harmless") == std::string::npos);
  RunAnswers all;
  for (const auto& flag : shipped().red_flags) all.answers[flag.id] = Answer::no;
  const std::string clear = render_triage_text(triage(shipped(), journal().text(), all), shipped(), view);
  CHECK(clear.find("not answered") == std::string::npos);
  CHECK(clear.find("Care level: self-care") != std::string::npos);
}

TEST_CASE("fixture rules: the numbers come from the rule file") {
  // "now" steps down to "gp" after 24 hours; "gp" stays open 10 days.
  CHECK(open(triage(fixture(), journal().twitch(1, "flags=droop", "10:30:00").text())) == Ids{"droop@now"});
  CHECK(open(triage(fixture(), journal().twitch(1, "flags=droop", "09:30:00").text())) == Ids{"droop@gp"});
  CHECK(open(triage(fixture(), journal().twitch(9, "flags=droop").text())) == Ids{"droop@gp"});
  CHECK(open(triage(fixture(), journal().twitch(10, "flags=droop").text())).empty());
  CHECK(open(triage(fixture(), journal().twitch(9, "tags=biting").text())) == Ids{"bite@gp"});
  // areas: 2 places in 5 days; lip and gum are one group.
  CHECK(open(triage(fixture(), journal().twitch(0, "where=gum").twitch(0).text())).empty());
  CHECK(open(triage(fixture(), journal().twitch(4, "where=eye").twitch(0).text())) == Ids{"moving@gp"});
  CHECK(open(triage(fixture(), journal().twitch(5, "where=eye").twitch(0).text())).empty());
  // runs: 2 runs 20 days apart within 60 days.
  CHECK(open(triage(fixture(), journal().twitch(20).twitch(0).text())) == Ids{"monthly@gp"});
  CHECK(open(triage(fixture(), journal().twitch(19).twitch(0).text())).empty());
  // long: a streak of 10 days with gaps of at most 2, the latest in the last 3 days.
  CHECK(open(triage(fixture(), journal().daily(9, 0).text())) == Ids{"long@gp"});
  CHECK(open(triage(fixture(), journal().daily(8, 0).text())).empty());
}

TEST_CASE("an entry invalid as a whole is ignored by triage exactly as check rejects it") {
  const std::string lines[] = {
      "twitch severity=7 flags=drooping",   // severity out of range
      "twitch tags=Coffee,chewing",         // a tag that is not an id
      "twitch where=Eye",                   // an area that is not an id
      "twitch duration=5x flags=drooping",  // a bad duration
      "triage flags=drooping",              // a triage without its level
  };
  for (const auto& line : lines) {
    CAPTURE(line);
    const std::string text = journal().at(1, line).text();
    const auto checked = check_journal_text(text, "j.txt", shipped(), test::fixture_now());
    REQUIRE(checked.errors == 1);
    const auto findings = scan_for_triage_text(text, "j.txt", shipped(), test::fixture_now());
    CHECK(findings.read.errors == 1);
    CHECK(findings.read.in_force == 0);
    REQUIRE(findings.read.diagnostics.size() == checked.diagnostics.size());
    CHECK(open(assess(shipped(), findings, {})).empty());
  }
}

TEST_CASE("an entry at +14:00 dated tomorrow but not after now counts today") {
  // 2026-11-25T08:00:00+14:00 is 2026-11-24T19:00:00+01:00: an hour before now.
  const Timestamp now = test::at("2026-11-24T20:00:00+01:00");
  const std::string text = journal().line("2026-11-25T08:00:00+14:00 twitch flags=stroke-signs").text();
  CHECK(open(triage(shipped(), text, {}, now)) == Ids{"stroke-signs@emergency"});
  CHECK(open(triage(shipped(), text, {}, test::at("2026-11-24T18:30:00+01:00"))).empty());
}

TEST_CASE("very many flagged entries: memory stays bounded and the count says at least") {
  test::Journal j;
  for (int i = 0; i < 3 * static_cast<int>(kMaxFlagRecords); ++i) j.twitch(i % 20, "flags=chewing");
  const std::string text = j.text();
  const auto findings = scan_for_triage_text(text, "j.txt", shipped(), test::fixture_now());
  CHECK(findings.flags[static_cast<std::size_t>(shipped().find_red_flag("chewing") - shipped().red_flags.data())]
            .records.size() < 2 * kMaxFlagRecords);
  const Assessment a = assess(shipped(), findings, {});
  REQUIRE(a.find("chewing") != nullptr);
  CHECK(a.find("chewing")->evidence.front().count == 3 * kMaxFlagRecords);
}
