// The progress bar and the summary of many files at once (batch.hpp).
#include "batch.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace ogi::cli {

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
