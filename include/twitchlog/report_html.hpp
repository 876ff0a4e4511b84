// `report --format html`: one self-contained page for a doctor, to read on
// screen or print (A4 or Letter, two pages for 90 days): no script, no
// external URL, charts as inline SVG, every text from the journal or the
// rules escaped. The same report and page give the same bytes.
#pragma once

#include <string>
#include <string_view>

#include "twitchlog/report.hpp"
#include "twitchlog/rules.hpp"
#include "twitchlog/triage.hpp"

namespace twitchlog {

/// What the page says of itself.
struct HtmlPage {
  std::string generated;  ///< the date it was made, "2026-11-30" (SOURCE_DATE_EPOCH in the CLI)
  std::string version;    ///< twitchlog's version
};

std::string render_report_html(const Report& report, const RuleSet& rules, const HtmlPage& page);

/// The red flags section: each fired flag with its level, meaning and
/// evidence, or that none fired. The one place red flags are put in HTML.
std::string html_red_flags(const Assessment& assessment);

/// Text made inert in HTML: printable() (control, bidi and zero-width
/// characters shown as escapes), then & < > " ' as character references.
std::string html_text(std::string_view text);

}  // namespace twitchlog
