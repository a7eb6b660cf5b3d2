// Many files at once: expanding directories, the progress bar, the summary (batch.hpp).
#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ogi::cli {

namespace {

bool has_extension(const fs::path& p, std::span<const std::string_view> extensions) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive,
                                 std::span<const std::string_view> extensions, bool& batch) {
    std::vector<Input> out;
    batch = args.size() > 1;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!recursive || arg == "-" || !fs::is_directory(arg, ec)) {
            out.push_back({arg});
            continue;
        }
        batch = true;
        // Only the names are kept (memory grows with the number of files by a name each), sorted
        // by path components: '/' sorts before every other character.
        std::vector<std::string> found;
        const auto options = fs::directory_options::skip_permission_denied;
        for (fs::recursive_directory_iterator it(arg, options, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code type_ec;
            if (it->is_regular_file(type_ec) && has_extension(it->path(), extensions)) found.push_back(it->path().string());
        }
        if (ec) {  // the directory itself could not be walked: let reading it say why
            out.push_back({arg});
            continue;
        }
        std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
            return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
                const auto rank = [](char c) { return c == '/' ? -1 : static_cast<int>(static_cast<unsigned char>(c)); };
                return rank(x) < rank(y);
            });
        });
        const std::size_t prefix = (fs::path(arg) / "").string().size();
        out.reserve(out.size() + found.size());
        for (std::string& p : found) out.push_back({std::move(p), prefix});
    }
    return out;
}

unsigned job_count(int requested) {
    if (requested > 0) return static_cast<unsigned>(requested);
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

bool want_progress(std::size_t files) { return files > 1 && ::isatty(2) != 0; }

Progress::Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}

Progress::~Progress() { clear(); }

void Progress::update(std::size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr std::size_t width = 30;
    const std::size_t filled = total_ == 0 ? width : done * width / total_;
    std::string bar(filled, '#');
    bar.append(width - filled, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu", bar.c_str(), done, total_);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::clear() {
    if (!enabled_ || !drawn_) return;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
}

std::string Summary::text(Lang lang) const {
    const bool zh = lang == Lang::zh;
    std::vector<std::string> counts;
    for (const auto& [rule, n] : per_rule) counts.push_back(fmt::format("{} {}", rule, n));
    if (zh)
        return fmt::format("\n共 {} 个文件：通过 {}，未通过 {}{}{}\n", files, valid, invalid,
                           unreadable ? fmt::format("，无法读取 {}", unreadable) : "",
                           counts.empty() ? "" : fmt::format("；{}", fmt::join(counts, "，")));
    return fmt::format("\n{} files: {} valid, {} invalid{}{}\n", files, valid, invalid,
                       unreadable ? fmt::format(", {} unreadable", unreadable) : "",
                       counts.empty() ? "" : fmt::format("; {}", fmt::join(counts, ", ")));
}

}  // namespace ogi::cli
