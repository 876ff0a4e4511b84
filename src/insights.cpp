#include "twitchlog/insights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>

namespace twitchlog {

// --- the day table --------------------------------------------------------

void DayTable::on_entry(const TypedEntry& e) {
  if (!first_day_ || e.day < *first_day_) first_day_ = e.day;
  switch (e.kind) {
    case Kind::twitch: ++days_[e.day].episodes; break;
    case Kind::checkin: {
      if (e.values.empty()) break;
      DayRecord& d = days_[e.day];
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
    const Eigen::MatrixXd XtW = X.transpose() * w.matrix().asDiagonal();
    r.beta = (XtW * X).ldlt().solve(XtW * z);
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
  using boost::math::digamma;
  using boost::math::trigamma;
  const double n = static_cast<double>(y.size());
  double t = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) t += std::pow(y[i] / mu[i] - 1, 2);
  t = t > 0 ? n / t : 1e8;
  for (int it = 0; it < 50; ++it) {
    t = std::fabs(t);
    double score = 0, info = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      score += digamma(t + y[i]) - digamma(t) + std::log(t) + 1 - std::log(t + mu[i]) - (y[i] + t) / (mu[i] + t);
      info += -trigamma(t + y[i]) + trigamma(t) - 1 / t + 2 / (mu[i] + t) - (y[i] + t) / std::pow(mu[i] + t, 2);
    }
    const double step = score / info;
    t += step;
    if (!std::isfinite(t) || t > 1e8) return 1e8;
    if (std::fabs(step) <= 1e-10 * std::max(1.0, t)) break;
  }
  return std::max(t, 1e-8);
}

// Newey-West: the scores' covariance over lags of up to `lag_days` days, Bartlett weights.
Eigen::MatrixXd hac(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double theta,
                    const std::vector<std::int64_t>& days, int lag_days, const Eigen::MatrixXd& bread) {
  const Eigen::Index n = X.rows();
  Eigen::MatrixXd scores(n, X.cols());
  for (Eigen::Index i = 0; i < n; ++i) {
    const double r = std::isinf(theta) ? y[i] - mu[i] : (y[i] - mu[i]) / (1 + mu[i] / theta);
    scores.row(i) = X.row(i) * r;
  }
  Eigen::MatrixXd meat = scores.transpose() * scores;
  if (!days.empty() && lag_days > 0) {
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = i + 1; j < n; ++j) {
        const std::int64_t gap = days[static_cast<std::size_t>(j)] - days[static_cast<std::size_t>(i)];
        if (gap > lag_days) break;  // rows come in day order
        const double w = 1.0 - static_cast<double>(gap) / (lag_days + 1);
        const Eigen::MatrixXd cross = scores.row(i).transpose() * scores.row(j);
        meat += w * (cross + cross.transpose());
      }
    }
  }
  return bread * meat * bread;
}

}  // namespace

CountFit fit_count_model(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const std::vector<std::int64_t>& days,
                         std::optional<bool> negative_binomial, int hac_lag_days) {
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
    IrlsResult nb = poisson;
    double ll_old = log_likelihood(y, nb.mu, theta);
    for (int round = 0; round < kMaxIterations; ++round) {
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
                           fit.covariance);
  fit.log_likelihood = log_likelihood(y, result.mu, fit.negative_binomial ? theta : kPoissonTheta);
  fit.iterations = iterations;
  fit.converged = converged;
  return fit;
}

}  // namespace twitchlog
