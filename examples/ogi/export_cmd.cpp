// ogi export FILE... --to csv : report JSON → CSV in the long or the wide form (docs/export.md).
#include "batch.hpp"
#include "commands.hpp"

#include <ogi/write/export.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace ogi::cli {

CLI::App* add_export(CLI::App& app, ExportArgs& args) {
    auto* cmd = app.add_subcommand("export", "write report JSON files as CSV (long: a row per cell; wide: a row per report)");
    cmd->add_option("files", args.files, "report JSON files or, with -r, directories ('-' for standard input)")->required();
    cmd->add_option("--to", args.to, "output format: csv")->check(CLI::IsMember({"csv"}));
    cmd->add_option("--form", args.form, "long (a row per report and cell) or wide (a row per report)")
        ->check(CLI::IsMember({"long", "wide"}));
    cmd->add_flag("--bom", args.bom, "begin with the UTF-8 byte order mark Excel wants");
    cmd->add_option("-o,--output", args.output, "output file (default: standard output)");
    cmd->add_flag("-r,--recursive", args.recursive, "export every *.json file under the directories given");
    cmd->add_option("-j,--jobs", args.jobs, "files read at once (default: every core)")->check(CLI::PositiveNumber);
    cmd->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    return cmd;
}

namespace {

struct ExportOutcome {
    bool ok = false;
    std::string error;
    Edition edition = Edition::e2021;
    std::string rows;        // long form; or the wide line when every report has this edition
    std::string mixed_line;  // wide form: the line under the header of both editions
};

/// Whether `path` names the same file as one of the inputs (device and inode).
bool is_one_of(const std::string& path, const std::vector<Input>& inputs) {
    struct stat out {};
    if (::stat(path.c_str(), &out) != 0) return false;
    for (const Input& in : inputs) {
        struct stat st {};
        if (in.path != "-" && ::stat(in.path.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
            return true;
    }
    return false;
}

}  // namespace

int run_export(const ExportArgs& args, Lang lang) {
    const bool zh = lang == Lang::zh;
    const Style err{use_colour(2)};
    const bool wide = args.form == "wide";
    static constexpr std::string_view extensions[] = {".json"};
    bool batch = false;
    const std::vector<Input> inputs = expand_inputs(args.files, args.recursive, extensions, batch);

    std::FILE* out = stdout;
    const bool to_file = !args.output.empty() && args.output != "-";
    if (to_file && is_one_of(args.output, inputs)) {  // never replace a report with the table
        print(stderr, zh ? fmt::format("ogi: 输出文件 {} 是输入文件之一，不会覆盖它\n", args.output)
                         : fmt::format("ogi: the output {} is one of the input files; it is not overwritten\n", args.output));
        return 2;
    }
    // The table goes to a new temporary file beside the output and replaces it only when whole.
    std::string tmp = args.output + ".ogi-XXXXXX";
    if (to_file) {
        const int fd = ::mkstemp(tmp.data());
        if (fd < 0 || !(out = ::fdopen(fd, "wb"))) {
            const int e = errno;
            if (fd >= 0) {
                ::close(fd);
                std::remove(tmp.c_str());
            }
            print(stderr, zh ? fmt::format("ogi: 无法写入 {}：{}\n", args.output, std::strerror(e))
                             : fmt::format("ogi: cannot write {}: {}\n", args.output, std::strerror(e)));
            return 2;
        }
    }
    if (args.bom) print(out, utf8_bom);
    if (!wide) print(out, csv_long_header());

    const Edition both[] = {Edition::e2019, Edition::e2021};
    auto work = [&](std::size_t i) {
        ExportOutcome o;
        auto report = load_report(inputs[i].path, args.max_size, lang, o.error);
        if (!report) return o;
        o.ok = true;
        o.edition = report->edition();
        if (!wide) {
            append_csv_long(o.rows, *report, inputs[i].path);
        } else {
            const Edition own[] = {o.edition};
            append_csv_wide(o.rows, *report, inputs[i].path, own);
            append_csv_wide(o.mixed_line, *report, inputs[i].path, both);
        }
        return o;
    };
    // The wide form's header depends on the editions of all reports, so its lines are kept
    // (one short line per report) and written at the end; the long form streams.
    std::vector<ExportOutcome> kept;
    bool seen[2] = {false, false};
    int status = 0;
    Progress progress(inputs.size(), want_progress(inputs.size()));
    run_ordered<ExportOutcome>(inputs.size(), job_count(args.jobs), work, [&](std::size_t i, ExportOutcome&& o) {
        if (!o.ok) {
            progress.clear();
            print(stderr, fmt::format("ogi: {}\n", err.red(o.error)));
            status = 2;
        } else if (!wide) {
            print(out, o.rows);
        } else {
            seen[o.edition == Edition::e2019 ? 0 : 1] = true;
            kept.push_back(std::move(o));
        }
        progress.update(i + 1);
    });
    progress.clear();
    if (wide) {
        std::vector<Edition> editions;
        if (seen[0]) editions.push_back(Edition::e2019);
        if (seen[1]) editions.push_back(Edition::e2021);
        const bool mixed = editions.size() == 2;
        print(out, csv_wide_header(editions));
        for (const ExportOutcome& o : kept) print(out, mixed ? o.mixed_line : o.rows);
    }
    if (to_file) {
        const bool written = std::ferror(out) == 0;
        if (std::fclose(out) != 0 || !written || std::rename(tmp.c_str(), args.output.c_str()) != 0) {
            const int e = errno;
            std::remove(tmp.c_str());
            print(stderr, zh ? fmt::format("ogi: 无法写入 {}：{}\n", args.output, std::strerror(e))
                             : fmt::format("ogi: cannot write {}: {}\n", args.output, std::strerror(e)));
            return 2;
        }
    } else {
        std::fflush(stdout);
    }
    return status;
}

}  // namespace ogi::cli
