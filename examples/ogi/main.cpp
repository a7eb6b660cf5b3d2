// ogi — the command-line tool over the ogi library (see docs/cli.md). Thin glue: every
// check it runs is a library call, so a program linking ogi can do the same.
#include "batch.hpp"
#include "commands.hpp"
#include "io.hpp"
#include "serve/serve.hpp"
#include <ogi/batch/read_ahead.hpp>

#include <ogi/ogi.hpp>
#ifdef OGI_HAVE_PDF
#include <ogi/read/pdf.hpp>  // the optional PDF reader on poppler (GPL): docs/dependencies.md
#endif

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <map>

namespace json = boost::json;

namespace {

enum Exit { exit_ok = 0, exit_findings = 1, exit_failure = 2 };

struct Common {
    std::string format = "text";
    std::string lang;
    ogi::Lang language() const {
        if (lang == "zh") return ogi::Lang::zh;
        if (lang == "en") return ogi::Lang::en;
        return ogi::lang_from_environment();
    }
};

void print(std::FILE* f, std::string_view s) { std::fwrite(s.data(), 1, s.size(), f); }

std::string severity_word(ogi::Severity s, ogi::Lang lang, const ogi::cli::Style& st) {
    const bool zh = lang == ogi::Lang::zh;
    switch (s) {
    case ogi::Severity::error: return st.red(zh ? "错误" : "error  ");
    case ogi::Severity::warning: return st.yellow(zh ? "警告" : "warning");
    case ogi::Severity::info: return st.dim(zh ? "提示" : "info   ");
    }
    return "";
}

// ---------------------------------------------------------------- validate

struct ValidateArgs {
    std::vector<std::string> files;
    bool werror = false;
    bool blanks_as_zero = false;
    bool recursive = false;
    int jobs = 0;
    std::size_t max_size = 64u << 20;
};

// What checking one file gives, made on a worker thread and printed in input order.
struct ValidateOutcome {
    bool readable = true;
    bool valid = true;
    std::string output;  // the file's text block, or its diagnostics document
    std::vector<std::string_view> rules;
};

int run_validate(const Common& common, const ValidateArgs& args) {
    const ogi::Lang lang = common.language();
    const bool zh = lang == ogi::Lang::zh;
    const bool as_json = common.format == "json";
    const ogi::cli::Style out_style{!as_json && ogi::cli::use_colour(1)};
    const ogi::cli::Style err_style{ogi::cli::use_colour(2)};
    ogi::ValidateOptions options;
    options.warnings_as_errors = args.werror;
    options.blanks_as_zero = args.blanks_as_zero;

    static constexpr std::string_view extensions[] = {".json"};
    bool batch = false;
    const ogi::cli::InputList inputs = ogi::cli::expand_input_list(args.files, args.recursive, extensions, batch);

    // Each thread reads a run of files at once (read_ahead.hpp), into buffers it keeps from run
    // to run; validate writes no output file, so the inputs need not be remembered (that record
    // would grow with every file). Files found under a directory are regular files; a file
    // named directly may be a pipe, so the run asks its type first.
    const ogi::batch::ReadLimit limit{args.max_size, ogi::cli::max_size_option};
    auto reader = []() -> ogi::batch::ReadAhead& {
        thread_local ogi::batch::ReadAhead r;
        return r;
    };
    auto claim = [&](std::size_t first, std::size_t end) {
        std::vector<ogi::batch::ReadAhead::File> run;
        run.reserve(end - first);
        for (std::size_t i = first; i < end; ++i) {
            ogi::cli::Input in = inputs[i];
            const bool found_under_directory = in.relative_from != std::string::npos;
            run.push_back({std::move(in.path), found_under_directory});
        }
        reader().load(first, std::move(run), limit);
    };
    auto check = [&](std::size_t i) {
        const std::string file = inputs[i].path;
        ValidateOutcome outcome;
        std::string error;
        const std::optional<std::string_view> text = reader().take(i, file, limit, lang, error);
        if (!text) {
            outcome.readable = false;
            outcome.output = std::move(error);
            return outcome;
        }
        const ogi::ValidationResult result = ogi::validate_json_text(*text, options);
        outcome.valid = result.valid;
        for (const auto& d : result.diagnostics) outcome.rules.push_back(d.rule);
        if (as_json) {
            const json::value doc = ogi::diagnostics_document(file, result.valid, result.diagnostics, lang);
            if (!batch) {
                outcome.output = ogi::pretty_json(doc);
            } else {  // an element of the array: as pretty_json would indent it inside one
                std::string one = ogi::pretty_json(json::array{doc});
                outcome.output = one.substr(2, one.size() - 5);
            }
            return outcome;
        }
        const auto errors = result.count(ogi::Severity::error), warnings = result.count(ogi::Severity::warning),
                   notes = result.count(ogi::Severity::info);
        const std::string verdict = result.valid ? out_style.green(zh ? "通过" : "valid") : out_style.red(zh ? "未通过" : "invalid");
        outcome.output = zh ? fmt::format("{}：{}（错误 {}，警告 {}，提示 {}）\n", out_style.bold(file), verdict, errors, warnings, notes)
                            : fmt::format("{}: {} (errors: {}, warnings: {}, info: {})\n", out_style.bold(file), verdict,
                                          errors, warnings, notes);
        for (const auto& d : result.diagnostics) {
            std::string where = d.path.empty() ? "/" : d.path;
            if (d.line) where = fmt::format("{}:{}:{}", file, *d.line, *d.column);
            outcome.output += fmt::format("  {} {} {}\n      {}\n", severity_word(d.severity, lang, out_style), d.rule,
                                          out_style.dim(where), d.message(lang));
        }
        return outcome;
    };

    int status = exit_ok;
    ogi::cli::Summary summary;
    summary.files = inputs.size();
    ogi::cli::Progress progress(inputs.size(), ogi::cli::want_progress(inputs.size()));
    std::size_t documents = 0;
    if (as_json && batch) print(stdout, "[");
    ogi::cli::run_ordered<ValidateOutcome>(inputs.size(), ogi::cli::job_count(args.jobs), ogi::batch::ReadAhead::capacity,
                                           claim, check, [&](std::size_t i, ValidateOutcome&& outcome) {
        progress.clear();
        if (!outcome.readable) {
            print(stderr, fmt::format("ogi: {}\n", err_style.red(outcome.output)));
            status = exit_failure;
            ++summary.unreadable;
        } else {
            if (!outcome.valid && status == exit_ok) status = exit_findings;
            ++(outcome.valid ? summary.valid : summary.invalid);
            for (std::string_view rule : outcome.rules) ++summary.per_rule[rule];
            if (as_json && batch) print(stdout, documents == 0 ? "\n" : ",\n");
            print(stdout, outcome.output);
            ++documents;
        }
        progress.update(i + 1);
    });
    progress.clear();
    if (as_json && batch) print(stdout, documents == 0 ? "]\n" : "\n]\n");
    // One file in, one document out; a file that could not be read has no document (exit 2).
    if (batch) print(as_json ? stderr : stdout, summary.text(lang));
    return status;
}

// ---------------------------------------------------------------- rules, schema

int run_rules(const Common& common) {
    const ogi::Lang lang = common.language();
    if (common.format == "json") {
        print(stdout, ogi::pretty_json(ogi::rules_document(lang)));
        return exit_ok;
    }
    const ogi::cli::Style st{ogi::cli::use_colour(1)};
    for (const auto& r : ogi::rules())
        print(stdout, fmt::format("{:<22} {} {}\n", st.bold(std::string(r.id)), severity_word(r.severity, lang, st),
                                  lang == ogi::Lang::zh ? r.statement_zh : r.statement_en));
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef OGI_HAVE_PDF
    ogi::enable_pdf_reading();
#endif
    CLI::App app{"ogi — check 政府信息公开工作年度报告 (Open Government Information annual reports)", "ogi"};
    app.require_subcommand(1);
    app.fallthrough();
    Common common;
    app.add_option("--format", common.format, "output: text (for people) or json (for programs)")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_option("--lang", common.lang, "language of messages: zh or en (default: from the locale)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.set_version_flag("--version", std::string("ogi ") + "0.1.0");

    ValidateArgs vargs;
    auto* validate = app.add_subcommand("validate", "check report JSON files against the schema and the rules");
    validate->add_option("files", vargs.files, "report JSON files ('-' for standard input)")->required();
    validate->add_flag("--werror", vargs.werror, "count warnings as errors");
    validate->add_flag("--blanks-as-zero", vargs.blanks_as_zero, "read blank cells as 0 (each use is noted)");
    validate->add_option("--max-size", vargs.max_size, "largest input file in bytes (default 64 MiB)");
    validate->add_flag("-r,--recursive", vargs.recursive, "check every *.json file under the directories given");
    validate->add_option("-j,--jobs", vargs.jobs, "files checked at once (default: every core)")->check(CLI::PositiveNumber);

    auto* rules = app.add_subcommand("rules", "list the rule catalogue");
    auto* schema = app.add_subcommand("schema", "print the JSON Schema of report JSON");
    ogi::cli::CompareArgs compare_args;
    auto* compare = ogi::cli::add_compare(app, compare_args);
    ogi::cli::AggregateArgs aggregate_args;
    auto* aggregate = ogi::cli::add_aggregate(app, aggregate_args);
    ogi::cli::RenderArgs render_args;
    auto* render = ogi::cli::add_render(app, render_args);
    ogi::cli::ExtractArgs extract_args;
    auto* extract = ogi::cli::add_extract(app, extract_args);
    ogi::cli::ExportArgs export_args;
    auto* export_cmd = ogi::cli::add_export(app, export_args);
    ogi::cli::ServeArgs serve_args;
    auto* serve = ogi::cli::add_serve(app, serve_args);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_failure;
    }
    try {
        if (validate->parsed()) return run_validate(common, vargs);
        if (rules->parsed()) return run_rules(common);
        if (compare->parsed()) return ogi::cli::run_compare(compare_args, common.language(), common.format == "json");
        if (aggregate->parsed()) return ogi::cli::run_aggregate(aggregate_args, common.language(), common.format == "json");
        if (render->parsed()) return ogi::cli::run_render(render_args, common.language());
        if (extract->parsed()) return ogi::cli::run_extract(extract_args, common.language(), common.format == "json");
        if (export_cmd->parsed()) return ogi::cli::run_export(export_args, common.language());
        if (serve->parsed()) return ogi::cli::run_serve(serve_args, common.language());
        if (schema->parsed()) {
            print(stdout, ogi::report_schema_text());
            return exit_ok;
        }
    } catch (const std::exception& e) {
        print(stderr, fmt::format("ogi: {}\n", e.what()));
        return exit_failure;
    }
    return exit_failure;
}
