#include "twitchlog/insights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>

namespace twitchlog {

// --- the day table --------------------------------------------------------

void DayTable::on_entry(const TypedEntry& e) {
  if (!first_day_ || e.day < *first_day_) first_day_ = e.day;
  switch (e.kind) {
    case Kind::twitch: ++cursor_[e.day].episodes; break;
    case Kind::checkin: {
      if (e.values.empty()) break;
      DayRecord& d = cursor_[e.day];
      if (d.sum.empty()) {
        d.sum.assign(rules_.factors.size(), 0.0);
        d.count.assign(rules_.factors.size(), 0);
      }
      d.checkin = true;
      for (const auto& v : e.values) {
        d.sum[v.factor] += v.value;
        ++d.count[v.factor];
      }
      break;
    }
    case Kind::remedy:
      if (e.remedy != nullptr) {
        auto [it, fresh] = remedies_.try_emplace(e.remedy->id, e.day);
        if (!fresh) it->second = std::min(it->second, e.day);
      }
      break;
    default: break;
  }
}

void DayTable::restart() {
  days_.clear();
  cursor_.reset();
  remedies_.clear();
  first_day_.reset();
}

// --- the count regression ---------------------------------------------------

namespace {

constexpr int kMaxIterations = 100;
constexpr double kTolerance = 1e-10;
constexpr double kPoissonTheta = std::numeric_limits<double>::infinity();

double log_likelihood(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double theta) {
  double ll = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double m = std::max(mu[i], 1e-300);
    if (std::isinf(theta)) {
      ll += y[i] * std::log(m) - m - std::lgamma(y[i] + 1);
    } else {
      ll += std::lgamma(theta + y[i]) - std::lgamma(theta) - std::lgamma(y[i] + 1) + theta * std::log(theta) +
            y[i] * std::log(m) - (theta + y[i]) * std::log(theta + m);
    }
  }
  return ll;
}

double deviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double theta) {
  double d = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double m = mu[i];
    const double a = y[i] > 0 ? y[i] * std::log(y[i] / m) : 0.0;
    d += std::isinf(theta) ? 2 * (a - (y[i] - m)) : 2 * (a - (y[i] + theta) * std::log((y[i] + theta) / (m + theta)));
  }
  return d;
}

struct IrlsResult {
  Eigen::VectorXd beta, mu, weights;
  int iterations = 0;
  bool converged = false;
};

// IRLS for a log link with variance mu + mu^2/theta (theta = inf: Poisson),
// from `eta`, until the deviance changes by less than the tolerance.
IrlsResult irls(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, Eigen::VectorXd eta, double theta) {
  IrlsResult r;
  Eigen::VectorXd mu = eta.array().exp();
  double dev_old = deviance(y, mu, theta);
  for (r.iterations = 1; r.iterations <= kMaxIterations; ++r.iterations) {
    const Eigen::ArrayXd m = mu.array();
    const Eigen::ArrayXd w = std::isinf(theta) ? m : m / (1 + m / theta);
    const Eigen::VectorXd z = eta.array() + (y.array() - m) / m;
    // X'WX as the symmetric rank update of sqrt(W) X (half the work of the full product).
    const Eigen::MatrixXd Xw = X.array().colwise() * w.sqrt();
    Eigen::MatrixXd XtWX = Eigen::MatrixXd::Zero(X.cols(), X.cols());
    XtWX.selfadjointView<Eigen::Lower>().rankUpdate(Xw.transpose());
    r.beta = XtWX.selfadjointView<Eigen::Lower>().ldlt().solve(X.transpose() * (w * z.array()).matrix());
    eta = X * r.beta;
    mu = eta.array().min(50.0).exp();
    const double dev = deviance(y, mu, theta);
    if (std::fabs(dev - dev_old) / (std::fabs(dev) + 0.1) < kTolerance) {
      r.converged = true;
      break;
    }
    dev_old = dev;
  }
  r.mu = mu;
  const Eigen::ArrayXd m = mu.array();
  r.weights = std::isinf(theta) ? Eigen::VectorXd(m.matrix()) : Eigen::VectorXd((m / (1 + m / theta)).matrix());
  return r;
}

// MASS::theta.ml: Newton steps on the score of theta, from the moment estimate.
double theta_ml(const Eigen::VectorXd& y, const Eigen::VectorXd& mu) {
  const double n = static_cast<double>(y.size());
  double t = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) t += std::pow(y[i] / mu[i] - 1, 2);
  t = t > 0 ? n / t : 1e8;
  // The days by their count: digamma and trigamma once per distinct count, not once per day.
  std::map<double, double> days_with_count;
  for (Eigen::Index i = 0; i < y.size(); ++i) days_with_count[y[i]] += 1;
  for (int it = 0; it < 50; ++it) {
    t = std::fabs(t);
    double score = 0, info = 0;
    const double digamma_t = boost::math::digamma(t), trigamma_t = boost::math::trigamma(t);
    for (const auto& [count, days] : days_with_count) {
      score += days * (boost::math::digamma(t + count) - digamma_t);
      info += days * (trigamma_t - boost::math::trigamma(t + count));
    }
    score += n * (std::log(t) + 1);
    info += -n / t;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      const double mt = mu[i] + t;
      score += -std::log(mt) - (y[i] + t) / mt;
      info += 2 / mt - (y[i] + t) / (mt * mt);
    }
    const double step = score / info;
    t += step;
    if (!std::isfinite(t) || t > 1e6) return 1e8;  // no overdispersion to speak of
    if (std::fabs(step) <= 1e-10 * std::max(1.0, t)) break;
  }
  return std::max(t, 1e-8);
}

// Newey-West: the scores' covariance over lags of up to `lag_days` days, Bartlett weights, as the
// sandwich bread * meat * bread. Only the rows and columns `wanted` (all when empty; the others are
// zero): the scores are multiplied by those columns of the bread first, so the lag products are
// wanted x wanted, not all the columns squared.
Eigen::MatrixXd hac(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double theta,
                    const std::vector<std::int64_t>& days, int lag_days, const Eigen::MatrixXd& bread,
                    const std::vector<Eigen::Index>& wanted) {
  const Eigen::Index n = X.rows();
  std::vector<Eigen::Index> cols = wanted;
  if (cols.empty()) {
    cols.resize(static_cast<std::size_t>(X.cols()));
    std::iota(cols.begin(), cols.end(), Eigen::Index{0});
  }
  Eigen::VectorXd r(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    r[i] = std::isinf(theta) ? y[i] - mu[i] : (y[i] - mu[i]) / (1 + mu[i] / theta);
  }
  const Eigen::MatrixXd scores = r.asDiagonal() * (X * bread(Eigen::all, cols));
  Eigen::MatrixXd meat = scores.transpose() * scores;
  const auto k = static_cast<Eigen::Index>(cols.size());
  Eigen::MatrixXd cross = Eigen::MatrixXd::Zero(k, k);
  if (!days.empty() && lag_days > 0) {
    // For each lag, the pairs of rows that many days apart, as two gathered matrices: one product each.
    for (int lag = 1; lag <= lag_days; ++lag) {
      std::vector<Eigen::Index> first, second;
      Eigen::Index j = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const std::int64_t want = days[static_cast<std::size_t>(i)] + lag;
        while (j < n && days[static_cast<std::size_t>(j)] < want) ++j;
        if (j == n) break;
        if (days[static_cast<std::size_t>(j)] == want) {
          first.push_back(i);
          second.push_back(j);
        }
      }
      if (first.empty()) continue;
      const double w = 1.0 - static_cast<double>(lag) / (lag_days + 1);
      cross.noalias() += w * scores(first, Eigen::all).transpose() * scores(second, Eigen::all);
    }
  }
  meat += cross + cross.transpose();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(X.cols(), X.cols());
  out(cols, cols) = meat;
  return out;
}

}  // namespace

CountFit fit_count_model(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const std::vector<std::int64_t>& days,
                         std::optional<bool> negative_binomial, int hac_lag_days,
                         const std::vector<Eigen::Index>& hac_columns) {
  CountFit fit;
  // glm's start for a log link: mu = y + 0.1.
  const Eigen::VectorXd eta0 = (y.array() + 0.1).log();
  IrlsResult poisson = irls(X, y, eta0, kPoissonTheta);
  IrlsResult result = poisson;
  double theta = kPoissonTheta;
  const double ll_poisson = log_likelihood(y, poisson.mu, kPoissonTheta);
  int iterations = poisson.iterations;
  bool converged = poisson.converged;
  if (negative_binomial.value_or(true)) {
    // MASS::glm.nb: theta from the Poisson fit, then the fit and theta in turn.
    theta = theta_ml(y, poisson.mu);
    if (!negative_binomial && theta > 1e6) theta = 1e8;  // no overdispersion to speak of: Poisson, no NB rounds
    IrlsResult nb = poisson;
    double ll_old = log_likelihood(y, nb.mu, theta);
    for (int round = 0; round < kMaxIterations && theta < 1e8; ++round) {
      nb = irls(X, y, (X * nb.beta).eval(), theta);
      iterations += nb.iterations;
      const double theta_new = theta_ml(y, nb.mu);
      const double ll = log_likelihood(y, nb.mu, theta_new);
      const bool done = std::fabs(ll - ll_old) < kTolerance * (std::fabs(ll) + 1) &&
                        std::fabs(theta_new - theta) < 1e-8 * std::max(1.0, theta);
      theta = theta_new;
      ll_old = ll;
      if (done) {
        nb = irls(X, y, (X * nb.beta).eval(), theta);  // the coefficients at the final theta
        converged = nb.converged;
        break;
      }
    }
    const double ll_nb = log_likelihood(y, nb.mu, theta);
    // No overdispersion: a likelihood-ratio test on the boundary (half a chi-squared with 1 df).
    const boost::math::chi_squared chi1(1);
    const bool overdispersed = theta < 1e7 && 2 * (ll_nb - ll_poisson) > boost::math::quantile(chi1, 0.90);
    if (negative_binomial.value_or(overdispersed)) {
      result = nb;
      fit.negative_binomial = true;
    } else {
      theta = kPoissonTheta;
    }
  }
  fit.theta = fit.negative_binomial ? theta : 0;
  fit.coefficients = result.beta;
  const Eigen::MatrixXd XtWX = X.transpose() * result.weights.asDiagonal() * X;
  fit.covariance = XtWX.ldlt().solve(Eigen::MatrixXd::Identity(X.cols(), X.cols()));
  fit.hac_covariance = hac(X, y, result.mu, fit.negative_binomial ? theta : kPoissonTheta, days, hac_lag_days,
                           fit.covariance, hac_columns);
  fit.log_likelihood = log_likelihood(y, result.mu, fit.negative_binomial ? theta : kPoissonTheta);
  fit.iterations = iterations;
  fit.converged = converged;
  return fit;
}

// --- the analysis -----------------------------------------------------------

namespace {

// One column of the design, with what it stands for.
struct Column {
  enum class Role { intercept, factor, remedy, weekend, weekday, drift } role;
  std::size_t index = 0;  // factor index, or remedy position
  int lag = 0;
  Eigen::VectorXd values;
};

// An orthonormal basis of the columns kept, grown one column at a time.
class Basis {
 public:
  /// Adds `v` when it is not (nearly) in the span of the columns so far; returns whether it did.
  bool add(const Eigen::VectorXd& v) {
    const double norm = v.norm();
    if (norm == 0) return false;
    Eigen::VectorXd r = v;
    for (int pass = 0; pass < 2; ++pass) {  // twice: classical Gram-Schmidt, re-orthogonalised
      for (const auto& q : q_) r -= q.dot(r) * q;
    }
    const double left = r.norm();
    if (left <= 1e-9 * norm) return false;
    q_.push_back(r / left);
    return true;
  }

 private:
  std::vector<Eigen::VectorXd> q_;
};

// Holm's step-down adjustment of p-values.
std::vector<double> holm(const std::vector<double>& p) {
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> out(p.size());
  double running = 0;
  for (std::size_t r = 0; r < order.size(); ++r) {
    running = std::max(running, std::min(1.0, static_cast<double>(p.size() - r) * p[order[r]]));
    out[order[r]] = running;
  }
  return out;
}

std::string term_name(const std::string& id, int lag) { return lag == 0 ? id : id + "@" + std::to_string(lag); }

}  // namespace

Insights analyse(const DayTable& table, const RuleSet& rules, std::int64_t today) {
  const InsightsSettings& s = rules.insights;
  Insights out;
  const std::size_t nf = rules.factors.size();
  for (std::size_t f = 0; f < nf; ++f) {
    for (int lag = 0; lag <= 1; ++lag) {
      TermInsight t;
      t.id = rules.factors[f].id;
      t.lag = lag;
      out.factors.push_back(t);
    }
  }
  for (const auto& [id, first] : table.remedies()) {
    TermInsight t;
    t.id = id;
    const Remedy* remedy = rules.find_remedy(id);
    t.taken = first;
    t.from = first + (remedy != nullptr ? remedy->onset_days.value_or(0) : 0);
    out.remedies.push_back(t);
  }
  if (!table.first_day() || *table.first_day() > today) {
    out.needed_days = static_cast<std::uint64_t>(s.min_observed_days);
    return out;
  }
  const std::int64_t first = *table.first_day();
  out.covered_days = static_cast<std::uint64_t>(today - first + 1);

  // Factor values of each day from the day before the first: the mean of its check-ins.
  const std::int64_t origin = first - 1;
  const auto span = static_cast<std::size_t>(today - origin + 1);
  std::vector<std::optional<double>> values(span * nf);
  std::vector<std::uint64_t> episodes_of(span, 0);
  for (const auto& [day, d] : table.days()) {
    if (day < origin || day > today) continue;
    const auto at = static_cast<std::size_t>(day - origin);
    episodes_of[at] = d.episodes;
    if (!d.checkin) continue;
    for (std::size_t f = 0; f < nf; ++f) {
      if (d.count[f] > 0) values[at * nf + f] = d.sum[f] / d.count[f];
    }
  }
  const auto value = [&](std::int64_t day, std::size_t f) -> const std::optional<double>& {
    return values[static_cast<std::size_t>(day - origin) * nf + f];
  };
  // The factors the user logs: present on at least twice min_side_days days, and on at least
  // min_factor_share of the days with a check-in. A factor given now and then is left out (and said
  // so): a day needs every factor in the model, so it would leave out most of the days.
  std::vector<std::size_t> in_play;
  std::uint64_t checkin_days = 0;
  std::vector<std::uint64_t> days_with(nf, 0);
  for (const auto& [day, d] : table.days()) {
    if (!d.checkin || day > today) continue;
    ++checkin_days;
    for (std::size_t f = 0; f < nf; ++f) days_with[f] += d.count[f] > 0 ? 1 : 0;
  }
  out.checkin_days = checkin_days;
  for (std::size_t f = 0; f < nf; ++f) {
    if (days_with[f] == 0) continue;
    if (static_cast<double>(days_with[f]) < s.min_factor_share * static_cast<double>(checkin_days)) {
      out.factors_left_out.push_back({rules.factors[f].id, days_with[f]});
    } else if (days_with[f] >= static_cast<std::uint64_t>(2 * s.min_side_days)) {
      in_play.push_back(f);  // (fewer days at all: not enough data, said by its verdict)
    }
  }
  // A remedy's run-up: the remedy_lead_days before it was first taken (often a bad spell, the very
  // reason to start it) and its onset days. Left out of the model, so that the end of a bad spell is
  // not credited to the remedy.
  std::vector<std::pair<std::int64_t, std::int64_t>> run_ups;  // [first day, end)
  for (const auto& t : out.remedies) run_ups.emplace_back(*t.taken - s.remedy_lead_days, *t.from);
  const auto in_run_up = [&](std::int64_t day) {
    return std::any_of(run_ups.begin(), run_ups.end(), [&](const auto& u) { return day >= u.first && day < u.second; });
  };
  // Observed days: a check-in with every factor in play, that day and the day before. When fewer
  // than half the days with such a check-in follow one (a check-in every other day, say), the day
  // before is not in the model (its terms say not-enough-data) and a day's own check-in will do.
  // Model days: the observed days outside a remedy's run-up.
  const auto complete_on = [&](std::int64_t day) {
    bool complete = !in_play.empty();
    for (const std::size_t f : in_play) complete = complete && value(day, f);
    return complete;
  };
  {
    std::uint64_t same_day = 0, both = 0;
    for (std::int64_t day = first; day <= today; ++day) {
      if (!complete_on(day)) continue;
      ++same_day;
      both += complete_on(day - 1) ? 1 : 0;
    }
    out.day_before_in_model = 2 * both >= same_day;
  }
  const int max_lag = out.day_before_in_model ? 1 : 0;
  std::vector<std::int64_t> rows;
  std::uint64_t unobserved_episodes = 0, observed_episodes = 0;
  for (std::int64_t day = first; day <= today; ++day) {
    const bool complete = complete_on(day) && (max_lag == 0 || complete_on(day - 1));
    const std::uint64_t episodes = episodes_of[static_cast<std::size_t>(day - origin)];
    if (complete) {
      ++out.observed_days;
      observed_episodes += episodes;
      if (in_run_up(day)) {
        ++out.run_up_days;
      } else {
        rows.push_back(day);
      }
    } else {
      unobserved_episodes += episodes;
    }
  }
  out.model_days = rows.size();
  out.unobserved_days = out.covered_days - out.observed_days;
  if (out.observed_days > 0) out.observed_rate = static_cast<double>(observed_episodes) / out.observed_days;
  if (out.unobserved_days > 0) out.unobserved_rate = static_cast<double>(unobserved_episodes) / out.unobserved_days;

  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y[i] = static_cast<double>(episodes_of[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)] - origin)]);
  }
  // The columns. Where some are exactly collinear, the later ones are dropped: the intercept and the
  // nuisance (drift, the days of the week) come first, so a remedy that starts just as the drift turns
  // gets no estimate rather than the drift's credit.
  std::vector<Column> wanted, nuisance;
  wanted.push_back(Column{Column::Role::intercept, 0, 0, Eigen::VectorXd::Ones(n)});
  for (const std::size_t f : in_play) {
    const Factor& factor = rules.factors[f];
    const double direction = factor.risk == RiskSide::high ? 1.0 : -1.0;  // per unit more, or per unit less
    for (int lag = 0; lag <= max_lag; ++lag) {
      Eigen::VectorXd v(n);
      std::uint64_t risk = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const double x = *value(rows[static_cast<std::size_t>(i)] - lag, f);
        v[i] = direction * (x - factor.threshold);
        risk += factor.at_risk(x) ? 1 : 0;
      }
      TermInsight& t = out.factors[f * 2 + static_cast<std::size_t>(lag)];
      t.days_risk_side = risk;
      t.days_other_side = static_cast<std::uint64_t>(n) - risk;
      wanted.push_back(Column{Column::Role::factor, f, lag, v});
    }
  }
  for (std::size_t r = 0; r < out.remedies.size(); ++r) {
    Eigen::VectorXd v(n);
    std::uint64_t on = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      v[i] = rows[static_cast<std::size_t>(i)] >= *out.remedies[r].from ? 1.0 : 0.0;
      on += v[i] > 0 ? 1 : 0;
    }
    out.remedies[r].days_risk_side = on;
    out.remedies[r].days_other_side = static_cast<std::uint64_t>(n) - on;
    if (on >= static_cast<std::uint64_t>(s.min_side_days) &&
        static_cast<std::uint64_t>(n) - on >= static_cast<std::uint64_t>(s.min_side_days)) {
      wanted.push_back(Column{Column::Role::remedy, r, 0, v});
    }
  }
  // The day of the week: one term per day (Monday the baseline) on a long enough journal, else the weekend.
  const auto weekday_of = [&](Eigen::Index i) {
    return ((rows[static_cast<std::size_t>(i)] + 3) % 7 + 7) % 7;  // 0 = Monday
  };
  if (n >= s.weekday_min_days) {
    for (std::int64_t d = 1; d < 7; ++d) {
      Eigen::VectorXd v(n);
      for (Eigen::Index i = 0; i < n; ++i) v[i] = weekday_of(i) == d ? 1.0 : 0.0;
      if (v.sum() >= s.min_side_days)
        nuisance.push_back(Column{Column::Role::weekday, static_cast<std::size_t>(d), 0, v});
    }
  } else {
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) v[i] = weekday_of(i) >= 5 ? 1.0 : 0.0;
    if (v.sum() >= s.min_side_days && n - v.sum() >= s.min_side_days) {
      nuisance.push_back(Column{Column::Role::weekend, 0, 0, v});
    }
  }
  if (n > 0) {
    // Slow drift: a smooth curve of the log rate (a quadratic spline) that may bend every drift_days
    // days, or less often on a long journal so there are at most max_drift_bends bends. It follows a
    // gradual change over weeks without being able to jump, so a remedy is judged by the step it
    // makes; across a remedy's run-up (left out) the curve is free enough that one start seldom tells.
    const std::int64_t start = rows.front();
    const std::int64_t span = rows.back() - start + 1;
    const std::int64_t every =
        std::max<std::int64_t>(s.drift_days, (span + s.max_drift_bends - 1) / std::max(1, s.max_drift_bends));
    const auto at = [&](Eigen::Index i, std::int64_t from) {
      return static_cast<double>(rows[static_cast<std::size_t>(i)] - from) / static_cast<double>(every);
    };
    if (span >= every) {
      Eigen::VectorXd linear(n), square(n);
      for (Eigen::Index i = 0; i < n; ++i) {
        linear[i] = at(i, start);
        square[i] = linear[i] * linear[i];
      }
      nuisance.push_back(Column{Column::Role::drift, 0, 0, linear});
      nuisance.push_back(Column{Column::Role::drift, 1, 0, square});
    }
    // A bend every `every` days, not in the last half period (too few days after it to tell).
    for (std::int64_t knot = start + every; rows.back() - knot >= every / 2; knot += every) {
      Eigen::VectorXd v(n);
      for (Eigen::Index i = 0; i < n; ++i) {
        const double t = std::max(0.0, at(i, knot));
        v[i] = t * t;
      }
      nuisance.push_back(Column{Column::Role::drift, static_cast<std::size_t>(knot - start), 0, v});
    }
  }
  wanted.insert(wanted.begin() + 1, std::make_move_iterator(nuisance.begin()), std::make_move_iterator(nuisance.end()));
  std::vector<Column> kept;
  Basis basis;
  for (auto& c : wanted) {
    if (basis.add(c.values)) kept.push_back(std::move(c));
  }
  // The terms whose effect we want: factors, remedies, the weekend. The days of the week, like the
  // drift, only adjust; weekday_min_days makes sure there are days enough for them.
  std::uint64_t terms = 0;
  for (const auto& c : kept) {
    terms +=
        (c.role == Column::Role::factor || c.role == Column::Role::remedy || c.role == Column::Role::weekend) ? 1 : 0;
  }
  out.terms = terms;
  const std::uint64_t needed = std::max<std::uint64_t>(static_cast<std::uint64_t>(s.min_observed_days),
                                                       static_cast<std::uint64_t>(s.days_per_term) * terms);
  const bool has_twitches = y.sum() > 0;
  if (out.model_days < needed || terms == 0 || !has_twitches) {
    // Observed days needed: the model's days plus the run-ups, which are left out. Days enough but
    // no twitch on any of them: nothing to relate the factors to (more days of the same won't help).
    out.no_twitches = !has_twitches && terms > 0 && out.model_days >= needed;
    out.needed_days = out.no_twitches ? needed + out.run_up_days
                                      : std::max<std::uint64_t>(needed + out.run_up_days, out.observed_days + 1);
    return out;
  }

  Eigen::MatrixXd X(n, static_cast<Eigen::Index>(kept.size()));
  for (std::size_t j = 0; j < kept.size(); ++j) X.col(static_cast<Eigen::Index>(j)) = kept[j].values;
  // The Newey-West covariance only for the terms that are judged (factors and remedies).
  std::vector<Eigen::Index> judged;
  for (std::size_t j = 0; j < kept.size(); ++j) {
    if (kept[j].role == Column::Role::factor || kept[j].role == Column::Role::remedy)
      judged.push_back(static_cast<Eigen::Index>(j));
  }
  const CountFit fit = fit_count_model(X, y, rows, std::nullopt, s.hac_lag_days, judged);
  out.fitted = true;
  out.converged = fit.converged;
  out.negative_binomial = fit.negative_binomial;
  out.theta = fit.theta;
  // The covariance: Newey-West, never narrower than the model's own on any term.
  const Eigen::Index k = X.cols();
  Eigen::VectorXd scale(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    const double hac_var = fit.hac_covariance(j, j), model_var = fit.covariance(j, j);
    scale[j] = hac_var > 0 && model_var > hac_var ? std::sqrt(model_var / hac_var) : (hac_var > 0 ? 1.0 : 0.0);
  }
  Eigen::MatrixXd V = scale.asDiagonal() * fit.hac_covariance * scale.asDiagonal();
  for (Eigen::Index j = 0; j < k; ++j) {
    if (V(j, j) <= 0) V(j, j) = fit.covariance(j, j);
  }

  const boost::math::normal normal;
  const double z = boost::math::quantile(normal, 0.5 + s.confidence / 2);
  const double alpha = 1 - s.confidence;
  // Whether the data pin a log ratio down: a finite estimate whose interval is no wider than
  // widest_interval (not so when all of one side's days are without a twitch, say).
  const auto pinned = [&](double b, double se) {
    return fit.converged && std::isfinite(b) && std::isfinite(se) && se > 0 &&
           2 * z * se <= std::log(s.widest_interval);
  };
  // The estimate and interval of a column, and its p-value; none when not pinned down.
  const auto fill = [&](TermInsight& t, Eigen::Index j) -> std::optional<double> {
    const double b = fit.coefficients[j], se = std::sqrt(V(j, j));
    if (!pinned(b, se)) return std::nullopt;
    t.rate_ratio = std::exp(b);
    t.ci_low = std::exp(b - z * se);
    t.ci_high = std::exp(b + z * se);
    return 2 * boost::math::cdf(boost::math::complement(normal, std::fabs(b) / se));
  };
  // Which column each term is, and its p-value.
  std::vector<Eigen::Index> factor_col(out.factors.size(), -1), remedy_col(out.remedies.size(), -1);
  for (std::size_t j = 0; j < kept.size(); ++j) {
    if (kept[j].role == Column::Role::factor)
      factor_col[kept[j].index * 2 + static_cast<std::size_t>(kept[j].lag)] = static_cast<Eigen::Index>(j);
    if (kept[j].role == Column::Role::remedy) remedy_col[kept[j].index] = static_cast<Eigen::Index>(j);
  }
  const auto correlation = [&](Eigen::Index a, Eigen::Index b) { return V(a, b) / std::sqrt(V(a, a) * V(b, b)); };
  const auto joint = [&](TermInsight& t, const std::vector<Eigen::Index>& cols) {
    double b = 0, var = 0;
    for (const auto i : cols) {
      b += fit.coefficients[i];
      for (const auto j : cols) var += V(i, j);
    }
    const double se = std::sqrt(std::max(var, 0.0));
    if (!pinned(b, se)) return;
    t.joint_rate_ratio = std::exp(b);
    t.joint_ci_low = std::exp(b - z * se);
    t.joint_ci_high = std::exp(b + z * se);
  };
  const auto judge = [&](std::vector<TermInsight>& terms_of, const std::vector<Eigen::Index>& cols, bool remedies) {
    std::vector<double> p;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < terms_of.size(); ++i) {
      if (cols[i] < 0) continue;
      if (const auto p_value = fill(terms_of[i], cols[i])) {
        p.push_back(*p_value);
        which.push_back(i);
      }
    }
    const std::vector<double> adjusted = holm(p);
    std::vector<std::optional<double>> adjusted_of(terms_of.size());
    for (std::size_t w = 0; w < which.size(); ++w) adjusted_of[which[w]] = adjusted[w];
    // "No clear link" needs the interval at the level the verdicts allow for: as wide as Bonferroni's
    // for the number of terms tested together.
    const double z_family =
        boost::math::quantile(normal, 1 - alpha / (2 * static_cast<double>(std::max<std::size_t>(1, p.size()))));
    for (std::size_t i = 0; i < terms_of.size(); ++i) {
      TermInsight& t = terms_of[i];
      t.p_adjusted = adjusted_of[i];
      if (t.days_risk_side < static_cast<std::uint64_t>(s.min_side_days) ||
          t.days_other_side < static_cast<std::uint64_t>(s.min_side_days)) {
        t.verdict = Verdict::not_enough_data;
        continue;
      }
      // Terms it cannot be told apart from: remedies started close together, or estimates that move together.
      std::vector<Eigen::Index> together;
      if (cols[i] >= 0) together.push_back(cols[i]);
      for (std::size_t o = 0; o < terms_of.size(); ++o) {
        if (o == i) continue;
        // Remedies first taken within remedy_overlap_days of each other, or one starting to count
        // inside the other's run-up (left out of the model, so their columns can be the same).
        const auto inside_run_up = [&](const TermInsight& a, const TermInsight& b) {
          return *a.from >= *b.taken - s.remedy_lead_days && *a.from <= *b.from;
        };
        const bool close_starts = remedies && terms_of[o].taken && t.taken &&
                                  (std::llabs(*terms_of[o].taken - *t.taken) < s.remedy_overlap_days ||
                                   inside_run_up(t, terms_of[o]) || inside_run_up(terms_of[o], t)) &&
                                  terms_of[o].days_risk_side >= static_cast<std::uint64_t>(s.min_side_days) &&
                                  terms_of[o].days_other_side >= static_cast<std::uint64_t>(s.min_side_days);
        const bool correlated =
            t.rate_ratio && terms_of[o].rate_ratio && std::fabs(correlation(cols[i], cols[o])) > s.apart_correlation;
        if (close_starts || correlated) {
          t.with.push_back(remedies ? terms_of[o].id : term_name(terms_of[o].id, terms_of[o].lag));
          if (cols[o] >= 0) together.push_back(cols[o]);
        }
      }
      if (!t.with.empty()) {
        t.verdict = Verdict::cant_tell_apart;
        if (!together.empty()) joint(t, together);
      } else if (!t.rate_ratio) {
        // Days enough on each side, yet no estimate: the term moves with the drift or the days of the
        // week, or one side's days have no twitch.
        t.verdict = Verdict::cant_tell_yet;
      } else if (*adjusted_of[i] < alpha) {
        t.verdict = *t.rate_ratio > 1 ? Verdict::likely_trigger : Verdict::likely_protective;
      } else {
        const double b = std::log(*t.rate_ratio), se = (std::log(*t.ci_high) - b) / z;
        const bool narrow =
            std::exp(b - z_family * se) >= s.no_link_low && std::exp(b + z_family * se) <= s.no_link_high;
        t.verdict = narrow ? Verdict::no_clear_link : Verdict::cant_tell_yet;
      }
    }
  };
  judge(out.factors, factor_col, false);
  judge(out.remedies, remedy_col, true);

  // One side of a factor's threshold without any twitch: a one-sided bound, not silence.
  for (std::size_t i = 0; i < out.factors.size(); ++i) {
    TermInsight& t = out.factors[i];
    if (factor_col[i] < 0 || t.lag != 0) continue;
    const Factor& factor = rules.factors[i / 2];
    double risk_episodes = 0, other_episodes = 0;
    for (Eigen::Index r = 0; r < n; ++r) {
      const double x = *value(rows[static_cast<std::size_t>(r)], i / 2);
      (factor.at_risk(x) ? risk_episodes : other_episodes) += y[r];
    }
    const bool risk_zero = risk_episodes == 0 && other_episodes > 0;
    const bool other_zero = other_episodes == 0 && risk_episodes > 0;
    if ((risk_zero || other_zero) && t.days_risk_side >= static_cast<std::uint64_t>(s.min_side_days) &&
        t.days_other_side >= static_cast<std::uint64_t>(s.min_side_days)) {
      // Given the N twitches, each falls on the zero side with chance p = R d0 / (R d0 + d1) when that
      // side's rate is R times the other's; none of N does with chance (1 - p)^N. The largest R for
      // which that is still 1 - confidence is the bound (exact given N, for Poisson days).
      const double zero_days = static_cast<double>(risk_zero ? t.days_risk_side : t.days_other_side);
      const double other_days = static_cast<double>(risk_zero ? t.days_other_side : t.days_risk_side);
      const double events = risk_zero ? other_episodes : risk_episodes;
      const double p_high = 1 - std::pow(1 - s.confidence, 1 / events);
      t.zero_side_bound = p_high * other_days / ((1 - p_high) * zero_days);
      t.zero_on_risk_side = risk_zero;
      if (risk_zero && t.verdict == Verdict::likely_trigger) t.verdict = Verdict::cant_tell_yet;
    }
  }
  return out;
}

}  // namespace twitchlog
