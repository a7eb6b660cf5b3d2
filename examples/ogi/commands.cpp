// What the subcommands share: reading reports, writing outputs atomically, printing findings.
#include "commands.hpp"

#include <ogi/json/documents.hpp>
#include <ogi/json/json.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace ogi::cli {

void print(std::FILE* f, std::string_view s) { std::fwrite(s.data(), 1, s.size(), f); }

std::optional<Report> load_report(const std::string& file, std::size_t max_bytes, Lang lang, std::string& error) {
    const bool zh = lang == Lang::zh;
    auto text = read_input(file, max_bytes, lang, error);
    if (!text) return std::nullopt;
    Diagnostic problem;
    auto doc = parse_json(*text, problem);
    if (!doc) {
        const std::string where = problem.line ? fmt::format(":{}:{}", *problem.line, *problem.column) : "";
        error = zh ? fmt::format("{}{} 不是有效的JSON：{}", file, where, problem.message(lang))
                   : fmt::format("{}{} is not valid JSON: {}", file, where, problem.message(lang));
        return std::nullopt;
    }
    try {
        return boost::json::value_to<Report>(doc->value);
    } catch (const std::exception& e) {
        error = zh ? fmt::format("{} 不是有效的报告（可用 ogi validate 查看全部问题）：{}", file, e.what())
                   : fmt::format("{} is {} (see ogi validate for every problem)", file, e.what());
        return std::nullopt;
    }
}

bool write_atomically(const std::string& path, const std::string& text, Lang lang, std::string& error) {
    // The text goes to a new temporary file beside the output (same file system), is flushed to
    // the disk, and only then renamed over the output: a failure at any point leaves the output
    // as it was (or absent) and removes the temporary file. An input is never overwritten.
    const bool zh = lang == Lang::zh;
    auto fail = [&](int e) {
        error = zh ? fmt::format("无法写入 {}：{}", path, std::strerror(e)) : fmt::format("cannot write {}: {}", path, std::strerror(e));
        return false;
    };
    if (is_input_file(path)) {
        error = zh ? fmt::format("输出文件 {} 是输入文件之一，不会覆盖它", path)
                   : fmt::format("the output {} is one of the input files; it is not overwritten", path);
        return false;
    }
    std::string tmp = path + ".ogi-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return fail(errno);
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : EIO;
            ::close(fd);
            ::unlink(tmp.c_str());
            return fail(e);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // A new file gets the usual permissions (mkstemp makes it 0600): 0666 less the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return fail(e);
    }
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        return fail(e);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        return fail(e);
    }
    return true;
}

void print_findings(std::FILE* f, const std::vector<Diagnostic>& diagnostics, Lang lang, const Style& st) {
    const bool zh = lang == Lang::zh;
    for (const Diagnostic& d : diagnostics) {
        std::string word;
        switch (d.severity) {
        case Severity::error: word = st.red(zh ? "错误" : "error  "); break;
        case Severity::warning: word = st.yellow(zh ? "警告" : "warning"); break;
        case Severity::info: word = st.dim(zh ? "提示" : "info   "); break;
        }
        print(f, fmt::format("  {} {} {}\n      {}\n", word, d.rule, st.dim(d.path.empty() ? "/" : d.path), d.message(lang)));
    }
}

std::string diagnostics_document(const std::string& file, bool valid, const std::vector<Diagnostic>& diagnostics,
                                 Lang lang) {
    return pretty_json(ogi::diagnostics_document(file, valid, diagnostics, lang));
}

}  // namespace ogi::cli
