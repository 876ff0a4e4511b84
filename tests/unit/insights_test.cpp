// The statistics: the count regression against R's MASS::glm.nb, and the
// verdicts on simulated journals whose truth is known.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "twitchlog/insights.hpp"

using namespace twitchlog;

namespace {

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Csv read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  Csv csv;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
      cell.erase(std::remove(cell.begin(), cell.end(), '"'), cell.end());
      cell.erase(0, cell.find_first_not_of(' '));
      cells.push_back(cell);
    }
    if (first) {
      csv.header = cells;
      first = false;
    } else {
      csv.rows.push_back(cells);
    }
  }
  return csv;
}

// Fits one reference data set and compares with R's figures.
void compare_with_r(const std::string& name, bool nb) {
  const std::string dir = std::string(TWITCHLOG_SOURCE_DIR) + "/tests/data/glmnb/";
  const Csv data = read_csv(dir + name + ".csv");
  const Csv expected = read_csv(dir + name + ".expected.csv");
  const auto n = static_cast<Eigen::Index>(data.rows.size());
  const auto k = static_cast<Eigen::Index>(data.header.size());  // y + covariates: intercept takes y's place
  Eigen::MatrixXd X(n, k);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y[i] = std::stod(data.rows[static_cast<std::size_t>(i)][0]);
    X(i, 0) = 1;
    for (Eigen::Index j = 1; j < k; ++j) X(i, j) = std::stod(data.rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
  }
  const CountFit fit = fit_count_model(X, y, {}, nb, 0);
  CHECK(fit.converged);
  CHECK(fit.negative_binomial == nb);
  for (Eigen::Index j = 0; j < k; ++j) {
    const auto& row = expected.rows[static_cast<std::size_t>(j)];
    INFO(name << " " << row[0]);
    CHECK(std::fabs(fit.coefficients[j] - std::stod(row[1])) < 1e-5);
    CHECK(std::fabs(std::sqrt(fit.covariance(j, j)) - std::stod(row[2])) < 1e-4);
  }
  if (nb) {
    const double theta = std::stod(expected.rows.back()[1]);
    INFO(name << " theta " << fit.theta << " vs " << theta);
    CHECK(std::fabs(fit.theta - theta) < 1e-4 * std::max(1.0, theta));
  }
}

}  // namespace

TEST_CASE("the count regression agrees with R's MASS::glm.nb and glm(poisson)") {
  compare_with_r("nb-two", true);
  compare_with_r("nb-four", true);
  compare_with_r("poisson-one", false);
}
