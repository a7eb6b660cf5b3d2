// ogi aggregate PART... [-o OUT]: the 汇总 report; with --check AGG, OGI-A-SUM on a given one.
#include "commands.hpp"

#include <ogi/check/aggregate.hpp>
#include <ogi/json/json.hpp>

#include <fmt/format.h>

namespace ogi::cli {

CLI::App* add_aggregate(CLI::App& app, AggregateArgs& args) {
    auto* sub = app.add_subcommand("aggregate", "sum reports of one year into a 汇总 report, or check one (OGI-A-SUM)");
    sub->add_option("parts", args.parts, "the reports to sum ('-' for standard input)")->required();
    auto* out = sub->add_option("-o,--output", args.output, "write the 汇总 report here (default: standard output)");
    sub->add_option("--check", args.check, "check this aggregate against the parts instead of writing one")
        ->excludes(out);
    sub->add_option("--agency", args.agency, "the agency named in the 汇总 report (default: 汇总（N份报告）)");
    sub->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    return sub;
}

int run_aggregate(const AggregateArgs& args, Lang lang, bool as_json) {
    const bool zh = lang == Lang::zh;
    const Style err_style{use_colour(2)};
    const Style st{!as_json && use_colour(1)};
    std::string error;
    std::vector<Report> parts;
    for (const std::string& file : args.parts) {
        auto r = load_report(file, args.max_size, lang, error);
        if (!r) {
            print(stderr, fmt::format("ogi: {}\n", err_style.red(error)));
            return 2;
        }
        parts.push_back(std::move(*r));
    }
    auto refused = [&](const NotAggregatable& e) {
        std::string who;
        if (e.part())
            who = zh ? fmt::format("（parts[{}] 为 {}）", *e.part(), args.parts.at(*e.part()))
                     : fmt::format(" (parts[{}] is {})", *e.part(), args.parts.at(*e.part()));
        print(stderr, fmt::format("ogi: {}{}\n", err_style.red(e.message(lang)), who));
        return 2;
    };

    if (!args.check.empty()) {
        const auto given = load_report(args.check, args.max_size, lang, error);
        if (!given) {
            print(stderr, fmt::format("ogi: {}\n", err_style.red(error)));
            return 2;
        }
        ValidationResult result;
        try {
            result = check_aggregate(*given, parts);
        } catch (const NotAggregatable& e) {
            return refused(e);
        }
        if (as_json) {
            print(stdout, diagnostics_document(args.check, result.valid, result.diagnostics, lang));
        } else {
            const std::string verdict = result.valid ? st.green(zh ? "与各报告之和一致" : "equals the sum of its parts")
                                                     : st.red(zh ? "与各报告之和不符" : "differs from the sum of its parts");
            print(stdout, zh ? fmt::format("{}：{}（{}份报告，错误 {}，提示 {}）\n", st.bold(args.check), verdict,
                                           parts.size(), result.count(Severity::error), result.count(Severity::info))
                             : fmt::format("{}: {} (parts: {}, errors: {}, info: {})\n", st.bold(args.check), verdict,
                                           parts.size(), result.count(Severity::error), result.count(Severity::info)));
            print_findings(stdout, result.diagnostics, lang, st);
        }
        return result.valid ? 0 : 1;
    }

    AggregateResult sum{Report{}, {}};
    try {
        AggregateOptions options;
        options.agency_name = args.agency;
        sum = aggregate(parts, options);
    } catch (const NotAggregatable& e) {
        return refused(e);
    }
    print_findings(stderr, sum.notes, lang, err_style);
    const std::string text = to_json_text(sum.report);
    if (args.output.empty() || args.output == "-") {
        print(stdout, text);
        return 0;
    }
    if (!write_atomically(args.output, text, lang, error)) {
        print(stderr, fmt::format("ogi: {}\n", err_style.red(error)));
        return 2;
    }
    return 0;
}

}  // namespace ogi::cli
