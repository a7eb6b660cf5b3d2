// ogi render: draws a report's three tables as HTML, Markdown or text (docs/render.md).
// With --check, the validator's findings are marked on the cells they concern.
#include "commands.hpp"
#include "io.hpp"

#include <ogi/ogi.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace ogi::cli {

namespace {

void emit(std::FILE* f, std::string_view s) { std::fwrite(s.data(), 1, s.size(), f); }

/// Writes `data` to `path` atomically: a fresh temporary file in the same directory (mkstemp,
/// so two runs never share one), flushed to disk, then renamed over `path`.
bool write_output(const std::string& path, std::string_view data, Lang lang, std::string& error) {
    if (is_input_file(path)) {  // never replace the report being drawn
        error = lang == Lang::zh ? fmt::format("输出文件 {} 是输入文件，不会覆盖它", path)
                                 : fmt::format("the output {} is the input file; it is not overwritten", path);
        return false;
    }
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string tmp = fmt::format("{}/.{}.XXXXXX", dir, base);
    const int fd = ::mkstemp(tmp.data());
    auto fail = [&](int e, bool remove) {
        if (remove) ::unlink(tmp.c_str());
        error = lang == Lang::zh ? fmt::format("无法写入 {}：{}", path, std::strerror(e))
                                 : fmt::format("cannot write {}: {}", path, std::strerror(e));
        return false;
    };
    if (fd < 0) return fail(errno, false);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);  // mkstemp makes 0600; give the file the usual permissions
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            ::close(fd);
            return fail(e, true);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(e, true);
    }
    if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno, true);
    return true;
}

}  // namespace

CLI::App* add_render(CLI::App& app, RenderArgs& args) {
    auto* cmd = app.add_subcommand("render", "draw a report's three tables in the layout of its edition");
    cmd->add_option("file", args.file, "report JSON file ('-' for standard input)")->required();
    cmd->add_option("--to", args.to, "html (a standalone page), markdown or text")
        ->check(CLI::IsMember({"html", "markdown", "text"}));
    cmd->add_flag("--check", args.check, "validate the report and mark the cells of the findings");
    cmd->add_flag("--werror", args.werror, "with --check: count warnings as errors for the exit status");
    cmd->add_option("-o,--output", args.output, "write to this file instead of standard output");
    cmd->add_option("--max-size", args.max_size, "largest input file in bytes (default 64 MiB)");
    return cmd;
}

int run_render(const RenderArgs& args, Lang lang) {
    const bool zh = lang == Lang::zh;
    const Style err{use_colour(2)};
    std::string error;
    const auto text = read_input(args.file, args.max_size, lang, error);
    if (!text) {
        emit(stderr, fmt::format("ogi: {}\n", err.red(error)));
        return 2;
    }
    Diagnostic parse_error;
    const auto doc = parse_json(*text, parse_error);
    if (!doc) {
        emit(stderr, fmt::format("ogi: {}:{}:{}: {}\n", args.file, parse_error.line.value_or(0), parse_error.column.value_or(0),
                                  err.red(parse_error.message(lang))));
        return 2;
    }

    ValidationResult checked;
    if (args.check) {
        ValidateOptions options;
        options.warnings_as_errors = args.werror;
        checked = validate_json(*doc, options);
    }
    std::optional<Report> report;
    try {
        report = boost::json::value_to<Report>(doc->value);
    } catch (const std::exception& e) {
        emit(stderr, zh ? fmt::format("ogi: 无法绘制 {}：{}\n", args.file, err.red(e.what()))
                         : fmt::format("ogi: cannot draw {}: {}\n", args.file, err.red(e.what())));
        for (const Diagnostic& d : checked.diagnostics)
            emit(stderr, fmt::format("  {} {} {}\n", d.rule, d.path.empty() ? "/" : d.path, d.message(lang)));
        return 2;
    }

    RenderOptions options;
    options.lang = lang;
    if (args.check) options.marks = &checked.diagnostics;
    const std::string out = render(*report, *parse_render_format(args.to), options);
    if (args.output == "-") {
        emit(stdout, out);
        if (std::fflush(stdout) != 0) {
            emit(stderr, zh ? "ogi: 无法写入标准输出\n" : "ogi: cannot write standard output\n");
            return 2;
        }
    } else if (!write_output(args.output, out, lang, error)) {
        emit(stderr, fmt::format("ogi: {}\n", err.red(error)));
        return 2;
    }
    if (!args.check) return 0;
    const auto errors = checked.count(Severity::error), warnings = checked.count(Severity::warning);
    emit(stderr, zh ? fmt::format("{}：错误 {} 个，警告 {} 个，提示 {} 个\n", args.file, errors, warnings, checked.count(Severity::info))
                     : fmt::format("{}: {} errors, {} warnings, {} notes\n", args.file, errors, warnings,
                                   checked.count(Severity::info)));
    return checked.valid ? 0 : 1;
}

}  // namespace ogi::cli
