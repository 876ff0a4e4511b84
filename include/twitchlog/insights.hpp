// Insights: which factors and remedies go with the user's twitching, with
// honest uncertainty. The one statistical module: report and advise both
// call it, nothing else estimates.
//
// A table of days (from the first entry to today) feeds a count regression
// of the daily twitch episodes: negative binomial with a log link (Poisson
// when the counts show no overdispersion), fitted as R's MASS::glm.nb does
// (IRLS for the coefficients, Newton steps on the score for theta). Terms:
// each factor of the rules per unit in its risk direction, on the same day
// and the day before; the weekend (each day of the week on a long journal);
// a smooth curve (a quadratic spline that may bend every 28 days) for slow
// drift; remedies on from their first day plus onset_days, with their run-up
// (the 14 days before, and the onset days) left out of the model. Standard
// errors are widened to a Newey-West (HAC) estimate when days are correlated,
// and a term is called a likely trigger (or protective) only when its
// p-value, Holm-adjusted over the terms tested together (the factors; the
// remedies apart), is below 1 - confidence. Every number is in the rule
// file's [insights] table.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "twitchlog/model.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/stats.hpp"

namespace twitchlog {

/// What one day of the journal holds for the model.
struct DayRecord {
  std::uint64_t episodes = 0;
  bool checkin = false;
  std::vector<double> sum;           ///< per factor of the rules
  std::vector<std::uint32_t> count;  ///< check-in values per factor
};

/// The days of a journal, gathered entry by entry.
class DayTable : public EntrySink {
 public:
  explicit DayTable(const RuleSet& rules) : rules_(rules) {}
  void on_entry(const TypedEntry& entry) override;
  void restart() override;

  const std::map<std::int64_t, DayRecord>& days() const { return days_; }
  /// First day each remedy id of the rules was taken.
  const std::map<std::string, std::int64_t, std::less<>>& remedies() const { return remedies_; }
  std::optional<std::int64_t> first_day() const { return first_day_; }

 private:
  const RuleSet& rules_;
  std::map<std::int64_t, DayRecord> days_;
  DayCursor<std::map<std::int64_t, DayRecord>> cursor_{days_};
  std::map<std::string, std::int64_t, std::less<>> remedies_;
  std::optional<std::int64_t> first_day_;
};

/// A fitted count regression (the parts tests compare with R).
struct CountFit {
  bool negative_binomial = false;
  double theta = 0;  ///< NB shape; 0 for Poisson
  Eigen::VectorXd coefficients;
  Eigen::MatrixXd covariance;      ///< model-based (as R's summary)
  Eigen::MatrixXd hac_covariance;  ///< Newey-West (zero outside the hac_columns asked for)
  double log_likelihood = 0;
  int iterations = 0;
  bool converged = false;
};

/// Fits log E[y] = X b. `days` (the day of each row, for the HAC lags) may be
/// empty. `negative_binomial`: force NB (true), Poisson (false), or choose by
/// a likelihood-ratio test (nullopt).
CountFit fit_count_model(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const std::vector<std::int64_t>& days,
                         std::optional<bool> negative_binomial, int hac_lag_days,
                         const std::vector<Eigen::Index>& hac_columns = {});

/// What can be said of one term.
enum class Verdict {
  likely_trigger,
  likely_protective,
  no_clear_link,
  cant_tell_yet,
  cant_tell_apart,
  not_enough_data
};
inline constexpr auto kVerdictNames = make_names<Verdict>({{Verdict::likely_trigger, "likely-trigger"},
                                                           {Verdict::likely_protective, "likely-protective"},
                                                           {Verdict::no_clear_link, "no-clear-link"},
                                                           {Verdict::cant_tell_yet, "cant-tell-yet"},
                                                           {Verdict::cant_tell_apart, "cant-tell-apart"},
                                                           {Verdict::not_enough_data, "not-enough-data"}});

/// A verdict in words, for people (the names above are for scripts).
inline const char* verdict_words(Verdict v) {
  switch (v) {
    case Verdict::likely_trigger: return "likely a trigger";
    case Verdict::likely_protective: return "goes with less twitching";
    case Verdict::no_clear_link: return "no clear link";
    case Verdict::cant_tell_yet: return "can't tell yet";
    case Verdict::cant_tell_apart: return "can't tell apart";
    case Verdict::not_enough_data: return "not enough data";
  }
  return "";
}

/// A factor at a lag, or a remedy.
struct TermInsight {
  std::string id;
  int lag = 0;                        ///< factors: 0 the same day, 1 the day before
  std::optional<std::int64_t> from;   ///< remedies: the first day it counts (first day + onset_days)
  std::optional<std::int64_t> taken;  ///< remedies: the first day it was logged
  std::optional<double> rate_ratio;   ///< per unit (factors) or on vs off (remedies)
  std::optional<double> ci_low, ci_high;
  std::optional<double> p_adjusted;  ///< Holm-adjusted: over the factor terms, or over the remedies
  Verdict verdict = Verdict::not_enough_data;
  std::vector<std::string> with;  ///< cant-tell-apart: the terms it moves with ("id" or "id@1")
  std::optional<double> joint_rate_ratio, joint_ci_low, joint_ci_high;  ///< with the terms in `with`
  /// Factors at lag 0: one side of the threshold has no twitches: an upper
  /// bound (exact given the twitches on the other side, at `confidence`) on
  /// the ratio of that side's rate to the other's. The model's estimate, when
  /// it has one, is kept beside it.
  std::optional<double> zero_side_bound;
  bool zero_on_risk_side = false;
  std::uint64_t days_risk_side = 0, days_other_side = 0;  ///< model days on each side (remedies: on, off)
};

/// Everything the module concludes.
struct Insights {
  std::uint64_t covered_days = 0;   ///< first entry .. today
  std::uint64_t observed_days = 0;  ///< days with a complete check-in (and the day before, if day_before_in_model)
  std::uint64_t run_up_days = 0;    ///< observed days left out as a remedy's run-up
  std::uint64_t model_days = 0;     ///< observed days in the model (outside run-ups)
  bool day_before_in_model = true;  ///< false: too few check-ins follow one; the lag-1 terms are out
  std::uint64_t checkin_days = 0;   ///< days with a check-in (any factor)
  /// Factors given on too few check-in days ([insights] min_factor_share), with on how many: not in the model.
  std::vector<std::pair<std::string, std::uint64_t>> factors_left_out;
  std::uint64_t unobserved_days = 0;      ///< covered days left out (no complete check-in)
  std::optional<double> unobserved_rate;  ///< twitches a day on them
  std::optional<double> observed_rate;
  bool fitted = false;
  bool converged = true;     ///< false: the fit did not settle, and no term has an estimate
  bool no_twitches = false;  ///< days enough, but not one twitch on them: nothing to relate the factors to
  bool negative_binomial = false;
  double theta = 0;
  /// The model's columns whose effect is wanted (factors, remedies, the weekend): not the intercept,
  /// the drift or the days of the week. The model needs days_per_term days for each.
  std::uint64_t terms = 0;
  std::optional<std::uint64_t> needed_days;  ///< when not fitted: about how many observed days would do
  std::vector<TermInsight> factors;          ///< each factor of the rules at lag 0 and 1, rule order
  std::vector<TermInsight> remedies;         ///< each remedy of the rules in the journal
};

/// The analysis of a day table as of `today`.
Insights analyse(const DayTable& table, const RuleSet& rules, std::int64_t today);

}  // namespace twitchlog
