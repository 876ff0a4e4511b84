// twitchlog: wires the command line to the library and maps errors to exit
// statuses (ExitStatus: 2 usage, 1 data and I/O). A command hands back its
// own status for what is not an error (check's 1 for a journal with errors,
// triage's --exit-code); main returns it, and decides every other status.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "twitchlog/error.hpp"

namespace {

constexpr int kUsageStatus = twitchlog::exit_code(twitchlog::ExitStatus::usage);
constexpr int kDataStatus = twitchlog::exit_code(twitchlog::ExitStatus::data);

int report(const twitchlog::Error& e) {
  if (e.diagnostics().empty()) {
    twitchlog::cli::print_error(fmt::format("twitchlog: error: {}", e.what()));
  } else {
    for (const auto& d : e.diagnostics()) twitchlog::cli::print_error(d.render());
  }
  return e.kind() == twitchlog::ErrorKind::usage ? kUsageStatus : kDataStatus;
}

// The one rule for output, whoever wrote it (a subcommand, CLI11's --help
// and --version): when standard output cannot take it, exit 1 and say so;
// a reader that stopped early (`twitchlog rules | head`, EPIPE) is not an
// error: quit quietly, like ripgrep.
int finish(int status) {
  errno = 0;
  std::cout.flush();
  const int cout_errno = std::cout.bad() ? errno : 0;
  const bool cout_failed = std::cout.bad();
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) || cout_failed;
  if (!failed) return status;
  const int err = errno != 0 ? errno : cout_errno;
  if (err == EPIPE) return status;
  twitchlog::cli::print_error(fmt::format("twitchlog: error: cannot write to standard output{}",
                                          err != 0 ? ": " + twitchlog::errno_text(err) : std::string()));
  return kDataStatus;
}

// A closed standard descriptor would be reused by the next open(2): the
// journal could become "standard error". Each closed one is taken by
// /dev/null opened the wrong way round, so that writes to it still fail
// (EBADF) as they would have.
void occupy_closed_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      const int got = ::open("/dev/null", (fd == 0 ? O_WRONLY : O_RDONLY) | O_NOCTTY);
      if (got != fd && got >= 0) ::close(got);  // should not happen: the lower ones are open
    }
  }
}

std::vector<std::string_view> subcommand_names(const CLI::App& app) {
  std::vector<std::string_view> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// `twitchlog help [SUBCOMMAND]`: the same text as `twitchlog [SUBCOMMAND] --help`.
void setup_help(CLI::App& app) {
  static std::vector<std::string_view> topics;
  static std::string topic;
  CLI::App* help = app.add_subcommand("help", "Show the help of twitchlog or of one subcommand");
  topics = subcommand_names(app);
  twitchlog::cli::describe_choices(
      help->add_option("subcommand", topic, "The subcommand to explain")->option_text("SUBCOMMAND"), topics);
  help->footer(
      "Examples:\n"
      "  twitchlog help\n"
      "  twitchlog help report");
  help->callback([&app] {
    if (topic.empty()) {  // app.help() would describe `help` itself, the subcommand being run
      fmt::print("{}", app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
      return;
    }
    twitchlog::cli::check_choice("help", "subcommand", topic, topics);
    fmt::print("{}", app.get_subcommand(topic)->help(app.get_name()));
  });
}

}  // namespace

int main(int argc, char** argv) {
  occupy_closed_standard_descriptors();
  // A file-size limit must fail the write (EFBIG, then cut back), not kill us mid-entry.
  std::signal(SIGXFSZ, SIG_IGN);
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"twitchlog: a journal and triage tool for lip twitching. Not a diagnosis.", "twitchlog"};
  app.fallthrough();  // global options work after the subcommand name too
  app.require_subcommand(0, 1);
  app.set_version_flag("-V,--version", fmt::format("twitchlog {}", TWITCHLOG_VERSION));
  twitchlog::cli::GlobalOptions globals;
  // An empty value is a mistake (an unset shell variable), not "the default".
  const CLI::Validator not_empty(
      [](const std::string& value) {
        return value.empty() ? std::string("an empty value is not allowed") : std::string();
      },
      "");
  using twitchlog::cli::describe_value;
  using twitchlog::cli::ValueKind;
  using twitchlog::cli::ValueSpec;
  describe_value(app.add_option("--journal", globals.journal,
                                "Journal file (default: $TWITCHLOG_JOURNAL, else $XDG_DATA_HOME/twitchlog/journal.txt)")
                     ->option_text("FILE")
                     ->check(not_empty),
                 ValueSpec::of(ValueKind::file));
  describe_value(
      app.add_option("--rules", globals.rules,
                     "Rule file (default: $TWITCHLOG_RULES, else $XDG_CONFIG_HOME/twitchlog/rules.toml if it "
                     "exists, else built in)")
          ->option_text("FILE")
          ->check(not_empty),
      ValueSpec::of(ValueKind::file));
  describe_value(
      app.add_option("--as-of", globals.as_of, "Take INSTANT as now, for reproducible runs (a date means its end)")
          ->option_text("INSTANT")
          ->check(not_empty),
      ValueSpec::of(ValueKind::instant));
  app.footer(
      "Examples:\n"
      "  twitchlog log -s3 -d45s -t espresso \"after the third espresso\"\n"
      "  twitchlog log --checkin caffeine=3 sleep=6.5 stress=4 water=1.2\n"
      "  twitchlog triage\n"
      "  twitchlog advise --plan\n"
      "  twitchlog report --format json | jq .totals\n"
      "  twitchlog check\n"
      "  twitchlog rules --format json\n"
      "  twitchlog help report\n"
      "\nSee twitchlog(1), twitchlog-journal(5) and twitchlog-rules(5).");

  int status = 0;
  twitchlog::cli::setup_log(app, globals, status);
  twitchlog::cli::setup_checkin(app, globals, status);
  twitchlog::cli::setup_check(app, globals, status);
  twitchlog::cli::setup_triage(app, globals, status);
  twitchlog::cli::setup_advise(app, globals, status);
  twitchlog::cli::setup_report(app, globals, status);
  twitchlog::cli::setup_export(app, globals, status);
  twitchlog::cli::setup_last(app, globals, status);
  twitchlog::cli::setup_undo(app, globals, status);
  twitchlog::cli::setup_retract(app, globals, status);
  twitchlog::cli::setup_edit(app, globals, status);
  twitchlog::cli::setup_rules(app, globals, status);
  twitchlog::cli::setup_completion(app, globals, status);
  setup_help(app);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->footer(sub->get_footer() +
                "\n\nGlobal options, before or after the subcommand: --journal FILE, --rules FILE, --as-of INSTANT"
                " (see twitchlog --help).");
  }
  twitchlog::cli::add_factor_help(app, globals);

  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      twitchlog::cli::print_error(
          fmt::format("twitchlog: error: no subcommand given; choose one of {} (see twitchlog --help)",
                      fmt::join(subcommand_names(app), ", ")));
      return kUsageStatus;
    }
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version: written as every other output is, so its errors tell
      std::ostringstream out, err;
      const int help_status = app.exit(e, out, err);
      const int failed = twitchlog::cli::write_output(out.str());
      if (failed != 0 && failed != EPIPE) {
        twitchlog::cli::print_error(
            fmt::format("twitchlog: error: cannot write to standard output: {}", twitchlog::errno_text(failed)));
        return kDataStatus;
      }
      if (!err.str().empty()) twitchlog::cli::print_error(err.str());
      return finish(help_status);
    }
    const auto* sub = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
    if (const std::string better =
            twitchlog::cli::explain_parse_error(app, std::vector<std::string>(argv + 1, argv + argc));
        !better.empty()) {
      twitchlog::cli::print_error("twitchlog: error: " + better);
      return kUsageStatus;
    }
    // CLI11's message quotes the words as typed: print_error escapes them.
    twitchlog::cli::print_error(
        fmt::format("twitchlog: error: {} (see twitchlog {}--help)", e.what(), sub ? sub->get_name() + " " : ""));
    return kUsageStatus;
  } catch (const twitchlog::Error& e) {
    return report(e);
  } catch (const std::system_error& e) {
    // fmt::print throws this when standard output fails.
    if (e.code() == std::errc::broken_pipe) return status;  // the reader stopped early (`| head`): not an error
    std::clearerr(stdout);
    twitchlog::cli::print_error(
        fmt::format("twitchlog: error: cannot write to standard output: {}", e.code().message()));
    return kDataStatus;
  } catch (const std::bad_alloc&) {
    twitchlog::cli::print_error("twitchlog: error: out of memory");
    return kDataStatus;
  } catch (const std::exception& e) {
    twitchlog::cli::print_error(fmt::format("twitchlog: internal error: {}", e.what()));
    return kDataStatus;
  }
  return finish(status);
}
