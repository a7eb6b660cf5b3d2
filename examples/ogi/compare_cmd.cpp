// ogi compare EARLIER LATER: the cross-year rules and a year-on-year summary.
#include "commands.hpp"

#include <ogi/check/compare.hpp>

#include <fmt/format.h>

namespace ogi::cli {

CLI::App* add_compare(CLI::App& app, CompareArgs& args) {
    auto* sub = app.add_subcommand("compare", "check two consecutive annual reports of one agency (OGI-X-*)");
    sub->add_option("earlier", args.earlier, "the report of the earlier year ('-' for standard input)")->required();
    sub->add_option("later", args.later, "the report of the following year")->required();
    sub->add_flag("--force", args.force, "compare even when the years are not consecutive or the agencies differ");
    sub->add_flag("--werror", args.werror, "count warnings as errors");
    sub->add_flag("--blanks-as-zero", args.blanks_as_zero, "read blank cells as 0 (each use is noted)");
    sub->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    return sub;
}

namespace {

std::string number_text(const std::optional<Decimal>& d, bool signed_change) {
    if (!d) return "—";
    const std::string s = d->to_string();
    return signed_change && !d->is_negative() && *d != Decimal{} ? "+" + s : s;
}

}  // namespace

int run_compare(const CompareArgs& args, Lang lang, bool as_json) {
    const bool zh = lang == Lang::zh;
    const Style err_style{use_colour(2)};
    const Style st{!as_json && use_colour(1)};
    std::string error;
    const auto earlier = load_report(args.earlier, args.max_size, lang, error);
    const auto later = earlier ? load_report(args.later, args.max_size, lang, error) : std::nullopt;
    if (!earlier || !later) {
        print(stderr, fmt::format("ogi: {}\n", err_style.red(error)));
        return 2;
    }
    CompareOptions options;
    options.force = args.force;
    options.warnings_as_errors = args.werror;
    options.blanks_as_zero = args.blanks_as_zero;
    CompareResult result;
    try {
        result = compare(*earlier, *later, options);
    } catch (const NotComparable& e) {
        print(stderr, zh ? fmt::format("ogi: {}（{}、{}；确需比较可加 --force）\n", err_style.red(e.message(lang)),
                                       args.earlier, args.later)
                         : fmt::format("ogi: {} ({}, {}; --force compares them anyway)\n",
                                       err_style.red(e.message(lang)), args.earlier, args.later));
        return 2;
    }
    const int status = result.valid ? 0 : 1;
    if (as_json) {
        print(stdout, diagnostics_document(args.later, result.valid, result.diagnostics, lang));
        return status;
    }
    const auto errors = result.count(Severity::error), warnings = result.count(Severity::warning),
               notes = result.count(Severity::info);
    const std::string verdict = result.valid ? st.green(zh ? "通过" : "consistent") : st.red(zh ? "未通过" : "inconsistent");
    print(stdout, zh ? fmt::format("{} → {}：{}（错误 {}，警告 {}，提示 {}）\n", st.bold(args.earlier), st.bold(args.later),
                                   verdict, errors, warnings, notes)
                     : fmt::format("{} → {}: {} (errors: {}, warnings: {}, info: {})\n", st.bold(args.earlier),
                                   st.bold(args.later), verdict, errors, warnings, notes));
    print_findings(stdout, result.diagnostics, lang, st);

    const auto rows = year_on_year(*earlier, *later);
    print(stdout, zh ? fmt::format("\n{}\n", st.bold(fmt::format("主要数据同比（{}年度 → {}年度）", earlier->year, later->year)))
                     : fmt::format("\n{}\n", st.bold(fmt::format("Year on year ({} → {})", earlier->year, later->year))));
    print(stdout, fmt::format("  {:>14} {:>14} {:>14}  {}\n", earlier->year, later->year, zh ? "增减" : "change",
                              zh ? "项目" : "figure"));
    for (const YearOnYear& r : rows)
        print(stdout, fmt::format("  {:>14} {:>14} {:>14}  {}\n", number_text(r.earlier, false),
                                  number_text(r.later, false), number_text(r.change, true), r.label));
    return status;
}

}  // namespace ogi::cli
