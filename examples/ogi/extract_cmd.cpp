// ogi extract FILE... : published reports (text, HTML, PDF or DOCX) → report JSON.
#include "batch.hpp"
#include "commands.hpp"

#include <ogi/read/extract.hpp>
#include <ogi/json/documents.hpp>
#include <ogi/json/json.hpp>
#include <ogi/check/validate.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <filesystem>

namespace ogi::cli {

CLI::App* add_extract(CLI::App& app, ExtractArgs& args) {
    auto* cmd = app.add_subcommand("extract", "read published reports (plain text in the real layouts, HTML, PDF or DOCX) into report JSON");
    cmd->add_option("files", args.files, "reports: text, HTML pages, PDFs, DOCX files ('-' for standard input); the kind is told by the bytes")->required();
    cmd->add_option("-o,--output", args.output, "output file (one input) or directory (several inputs)");
    cmd->add_flag("--with-provenance", args.with_provenance, "record each cell's source line:column in source.provenance");
    cmd->add_flag("--explain", args.explain,
                  "say where each cell was read, how, and whether the form's arithmetic confirms it (stderr; with "
                  "--format json, the wrapper's \"explain\" key)");
    cmd->add_flag("--validate", args.validate, "also run the validator on what was extracted");
    cmd->add_flag("--werror", args.werror, "with --validate: count warnings as errors");
    cmd->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    cmd->add_flag("-r,--recursive", args.recursive, "extract every *.txt, *.html, *.htm, *.pdf and *.docx file under the directories given");
    cmd->add_option("-j,--jobs", args.jobs, "files extracted at once (default: every core)")->check(CLI::PositiveNumber);
    return cmd;
}

namespace {

// What extracting one file gives, made on a worker thread and printed in input order.
struct ExtractOutcome {
    bool readable = true;
    bool failed = false;       // an error was found (or, with --werror, a warning)
    bool write_failed = false;
    std::string to_stdout, to_stderr;
    std::vector<std::string_view> rules;
};

/// --explain for people: a line per cell read, in the form's order.
std::string explain_text(const Report& r, const ExtractResult& res, const std::string& file, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out = zh ? fmt::format("{}：各单元格的来源（位置、读取方式、勾稽关系、原文）\n", file)
                         : fmt::format("{}: where each cell was read (place, how, the form's arithmetic, the text)\n", file);
    const Form& f = r.form();
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const auto it = res.provenance.find(f.cells()[i].pointer);
        if (it == res.provenance.end()) continue;
        const SourcePosition& p = it->second;
        const Cell& c = r.cells()[i];
        const std::string value = !c.has_value() ? (zh ? "空" : "blank")
                                  : f.column(f.cells()[i]).kind == CellKind::money ? c.money.to_string()
                                                                                   : std::to_string(c.number);
        std::string where = p.page ? fmt::format("p{} {}:{}", p.page, p.line, p.column) : fmt::format("{}:{}", p.line, p.column);
        out += fmt::format("  {:<52} {:>8}  {:<10} {:<14} {:<12} \"{}\"\n", it->first, value, where, p.basis, p.relations, p.text);
    }
    return out;
}

}  // namespace

int run_extract(const ExtractArgs& args, Lang lang, bool as_json) {
    const bool zh = lang == Lang::zh;
    const Style err{use_colour(2)};
    static constexpr std::string_view extensions[] = {".txt", ".html", ".htm", ".pdf", ".docx"};
    bool batch = false;
    const std::vector<Input> inputs = expand_inputs(args.files, args.recursive, extensions, batch);
    if (batch && args.output.empty()) {
        print(stderr, zh ? "ogi: 多个输入文件需要用 -o 指定输出目录\n" : "ogi: several inputs need -o DIR for the outputs\n");
        return 2;
    }
    if (batch) {
        std::error_code ec;
        std::filesystem::create_directories(args.output, ec);
        if (ec || !std::filesystem::is_directory(args.output)) {
            print(stderr, zh ? fmt::format("ogi: 无法创建输出目录 {}\n", args.output)
                             : fmt::format("ogi: cannot create the output directory {}\n", args.output));
            return 2;
        }
    }
    auto work = [&](std::size_t i) {
        const std::string& file = inputs[i].path;
        ExtractOutcome o;
        std::string error;
        auto bytes = read_input(file, args.max_size, lang, error);
        if (!bytes) {
            o.readable = false;
            o.to_stderr = fmt::format("ogi: {}\n", err.red(error));
            return o;
        }
        ExtractOptions opt;
        opt.source_name = file == "-" ? "" : std::filesystem::path(file).filename().string();
        opt.with_provenance = args.with_provenance;
        opt.max_bytes = args.max_size;
        ExtractResult res = extract(*bytes, opt);
        std::vector<Diagnostic> diags = std::move(res.diagnostics);
        for (const auto& d : diags) o.failed = o.failed || d.severity == Severity::error;
        if (res.report && args.validate) {
            ValidateOptions vo;
            vo.warnings_as_errors = args.werror;
            const ValidationResult v = validate(*res.report, vo);
            o.failed = o.failed || !v.valid;
            diags.insert(diags.end(), v.diagnostics.begin(), v.diagnostics.end());
        }
        for (const auto& d : diags) o.rules.push_back(d.rule);
        std::string out;
        if (as_json) {
            boost::json::object explain;
            if (args.explain) explain = explain_json(res);
            out = pretty_json(extract_document(res.report, diags, lang, args.explain ? &explain : nullptr));
        } else {
            for (const auto& d : diags) {
                std::string where = d.path.empty() ? file : file + " " + d.path;  // always the file
                if (d.line) where = fmt::format("{}:{}:{}{}", file, *d.line, *d.column, d.path.empty() ? "" : " " + d.path);
                o.to_stderr += fmt::format("{} {} {}: {}\n", to_string(d.severity), d.rule, where, d.message(lang));
            }
            if (res.report) out = to_json_text(*res.report);
            if (args.explain && res.report) o.to_stderr += explain_text(*res.report, res, file, lang);
        }
        if (out.empty()) return o;
        std::string target = args.output;
        if (batch) {  // DIR/<name>.json, or DIR/<path under the directory given>.json with -r
            const std::filesystem::path name = inputs[i].relative().empty() ? std::filesystem::path(file).filename()
                                                                            : std::filesystem::path(inputs[i].relative());
            const std::filesystem::path path = std::filesystem::path(args.output) / name;
            if (!inputs[i].relative().empty()) {
                std::error_code ec;
                std::filesystem::create_directories(path.parent_path(), ec);
            }
            target = std::filesystem::path(path).replace_extension(".json").string();
        }
        if (target.empty() || target == "-") {
            o.to_stdout = std::move(out);
        } else if (!write_atomically(target, out, lang, error)) {
            o.to_stderr += fmt::format("ogi: {}\n", err.red(error));
            o.write_failed = true;
        }
        return o;
    };

    int status = 0;
    Summary summary;
    summary.files = inputs.size();
    Progress progress(inputs.size(), want_progress(inputs.size()));
    run_ordered<ExtractOutcome>(inputs.size(), job_count(args.jobs), work, [&](std::size_t i, ExtractOutcome&& o) {
        if (!o.to_stderr.empty()) progress.clear();
        print(stderr, o.to_stderr);
        print(stdout, o.to_stdout);
        if (!o.readable) {
            ++summary.unreadable;
            status = 2;
        } else {
            ++(o.failed ? summary.invalid : summary.valid);
            for (std::string_view rule : o.rules) ++summary.per_rule[rule];
            if (o.write_failed) status = 2;
            if (o.failed && status == 0) status = 1;
        }
        progress.update(i + 1);
    });
    progress.clear();
    if (batch) print(as_json ? stderr : stdout, summary.text(lang));
    return status;
}

}  // namespace ogi::cli
