#!/usr/bin/env Rscript
# Writes the reference fits that tests/unit/insights_test.cpp compares the
# count regression with: data sets made here with a fixed seed, fitted by
# R's MASS::glm.nb (negative binomial) and glm(family = poisson).
#
#   Rscript scripts/glmnb-reference.R tests/data/glmnb
#
# Needs R and MASS (Debian: r-base-core r-cran-mass). CI does not run it: the
# files it writes are in the repository.
suppressPackageStartupMessages(library(MASS))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "tests/data/glmnb"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

write_case <- function(name, d, family) {
  f <- as.formula(paste("y ~", paste(setdiff(names(d), "y"), collapse = " + ")))
  fit <- if (family == "nb") glm.nb(f, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
         else glm(f, data = d, family = poisson, control = glm.control(epsilon = 1e-12, maxit = 100))
  s <- summary(fit)$coefficients
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  e <- data.frame(term = rownames(s), estimate = s[, 1], se = s[, 2])
  e <- rbind(e, data.frame(term = "theta", estimate = if (family == "nb") fit$theta else 0, se = 0))
  write.csv(format(e, digits = 15), file.path(out, paste0(name, ".expected.csv")), row.names = FALSE, quote = FALSE)
}

set.seed(2026)
n <- 150
caffeine <- rpois(n, 3)
sleep_less <- round(pmax(0, rnorm(n, 1, 1)), 1)
mu <- exp(0.2 + 0.15 * caffeine + 0.3 * sleep_less)
write_case("nb-two", data.frame(y = rnbinom(n, size = 2, mu = mu), caffeine, sleep_less), "nb")

n <- 300
caffeine <- rpois(n, 2)
caffeine_lag <- c(2, caffeine[-n])
stress <- sample(1:5, n, replace = TRUE)
weekend <- as.integer((seq_len(n) %% 7) %in% c(5, 6))
mu <- exp(-0.3 + 0.1 * caffeine + 0.2 * caffeine_lag + 0.05 * stress - 0.2 * weekend)
write_case("nb-four", data.frame(y = rnbinom(n, size = 0.8, mu = mu), caffeine, caffeine_lag, stress, weekend), "nb")

n <- 200
water_less <- round(runif(n, 0, 2), 2)
write_case("poisson-one", data.frame(y = rpois(n, exp(0.5 + 0.4 * water_less)), water_less), "poisson")
