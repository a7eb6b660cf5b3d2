// ogi extract FILE... : published reports (text or HTML) → report JSON.
#include "commands.hpp"

#include <ogi/extract.hpp>
#include <ogi/json.hpp>
#include <ogi/validate.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <filesystem>

namespace json = boost::json;

namespace ogi::cli {

CLI::App* add_extract(CLI::App& app, ExtractArgs& args) {
    auto* cmd = app.add_subcommand("extract", "read published reports (plain text in the real layouts, or HTML) into report JSON");
    cmd->add_option("files", args.files, "report texts or HTML pages ('-' for standard input)")->required();
    cmd->add_option("-o,--output", args.output, "output file (one input) or directory (several inputs)");
    cmd->add_flag("--with-provenance", args.with_provenance, "record each cell's source line:column in source.provenance");
    cmd->add_flag("--validate", args.validate, "also run the validator on what was extracted");
    cmd->add_flag("--werror", args.werror, "with --validate: count warnings as errors");
    cmd->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    return cmd;
}

int run_extract(const ExtractArgs& args, Lang lang, bool as_json) {
    const bool zh = lang == Lang::zh;
    const Style err{use_colour(2)};
    if (args.files.size() > 1 && args.output.empty()) {
        print(stderr, zh ? "ogi: 多个输入文件需要用 -o 指定输出目录\n" : "ogi: several inputs need -o DIR for the outputs\n");
        return 2;
    }
    if (args.files.size() > 1) {
        std::error_code ec;
        std::filesystem::create_directories(args.output, ec);
        if (ec || !std::filesystem::is_directory(args.output)) {
            print(stderr, zh ? fmt::format("ogi: 无法创建输出目录 {}\n", args.output)
                             : fmt::format("ogi: cannot create the output directory {}\n", args.output));
            return 2;
        }
    }
    int status = 0;
    for (const std::string& file : args.files) {
        std::string error;
        auto bytes = read_input(file, args.max_size, lang, error);
        if (!bytes) {
            print(stderr, fmt::format("ogi: {}\n", err.red(error)));
            status = 2;
            continue;
        }
        ExtractOptions opt;
        opt.source_name = file == "-" ? "" : std::filesystem::path(file).filename().string();
        opt.with_provenance = args.with_provenance;
        opt.max_bytes = args.max_size;
        ExtractResult res = extract(*bytes, opt);
        std::vector<Diagnostic> diags = res.diagnostics;
        bool failed = false;
        for (const auto& d : diags) failed = failed || d.severity == Severity::error;
        if (res.report && args.validate) {
            ValidateOptions vo;
            vo.warnings_as_errors = args.werror;
            const ValidationResult v = validate(*res.report, vo);
            failed = failed || !v.valid;
            diags.insert(diags.end(), v.diagnostics.begin(), v.diagnostics.end());
        }
        if (failed && status == 0) status = 1;
        std::string out;
        if (as_json) {
            json::array a;
            for (const auto& d : diags) a.push_back(to_json(d, lang));
            json::object doc;
            doc["report"] = res.report ? json::value_from(*res.report) : json::value(nullptr);
            doc["diagnostics"] = std::move(a);
            out = pretty_json(doc);
        } else {
            for (const auto& d : diags) {
                std::string where = d.path.empty() ? file : file + " " + d.path;  // always the file
                if (d.line) where = fmt::format("{}:{}:{}{}", file, *d.line, *d.column, d.path.empty() ? "" : " " + d.path);
                print(stderr, fmt::format("{} {} {}: {}\n", to_string(d.severity), d.rule, where, d.message(lang)));
            }
            if (res.report) out = to_json_text(*res.report);
        }
        if (out.empty()) continue;
        std::string target = args.output;
        if (args.files.size() > 1)
            target = (std::filesystem::path(args.output) / std::filesystem::path(file).filename().replace_extension(".json")).string();
        if (target.empty() || target == "-") {
            print(stdout, out);
        } else if (!write_atomically(target, out, lang, error)) {
            print(stderr, fmt::format("ogi: {}\n", err.red(error)));
            status = 2;
        }
    }
    return status;
}

}  // namespace ogi::cli
