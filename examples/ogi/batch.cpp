// Many files at once: expanding directories, the progress bar, the summary (batch.hpp).
#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ogi::cli {

Input InputList::operator[](std::size_t i) const {
    // The group holding entry i: the last one that begins at or before it.
    const auto g = std::upper_bound(groups_.begin(), groups_.end(), i, [](std::size_t n, const Group& x) { return n < x.first; }) - 1;
    Input in;
    in.path = g->prefix;
    in.path.append(name(entries_[i]));
    in.relative_from = g->relative_from;
    return in;
}

void InputList::add_name(std::string_view n) {
    if (names_.size() + n.size() + 1 > UINT32_MAX) throw std::length_error("too many input files");
    entries_.push_back(static_cast<std::uint32_t>(names_.size()));
    names_.append(n);
    names_ += '\0';
}

void InputList::add_file(const std::string& path) {
    groups_.push_back({path, std::string::npos, entries_.size()});
    add_name("");
}

namespace {

/// Orders NUL-terminated paths by their components: '/' sorts before every other character
/// (and a path before any longer one it begins).
bool path_less(const char* a, const char* b) {
    while (*a && *a == *b) ++a, ++b;
    const auto rank = [](char c) { return c == '\0' ? -2 : c == '/' ? -1 : static_cast<int>(static_cast<unsigned char>(c)); };
    return rank(*a) < rank(*b);
}

/// Whether the file name at the end of `path` has one of `extensions` (lower case) as its
/// extension, ignoring case; the extension as std::filesystem::path::extension() gives it.
bool has_extension(std::string_view path, std::span<const std::string_view> extensions) {
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (name == "." || name == "..") return false;
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    const std::string_view ext = name.substr(dot);
    for (std::string_view e : extensions) {
        if (e.size() != ext.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < e.size() && same; ++i)
            same = static_cast<char>(std::tolower(static_cast<unsigned char>(ext[i]))) == e[i];
        if (same) return true;
    }
    return false;
}

}  // namespace

InputList expand_input_list(const std::vector<std::string>& args, bool recursive,
                            std::span<const std::string_view> extensions, bool& batch) {
    InputList out;
    batch = args.size() > 1;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!recursive || arg == "-" || !fs::is_directory(arg, ec)) {
            out.add_file(arg);
            continue;
        }
        batch = true;
        // Only the names under the directory are kept (memory grows with the number of files
        // by a name each), then sorted by path components.
        const std::string prefix = (fs::path(arg) / "").string();
        const std::size_t names_from = out.names_.size(), entries_from = out.entries_.size();
        // The walk gives every path as `prefix` and the rest; should one not begin so (or hold
        // a NUL), the walk is done again keeping whole paths.
        auto walk = [&](std::string_view strip) {
            out.names_.resize(names_from);
            out.entries_.resize(entries_from);
            ec.clear();
            const auto options = fs::directory_options::skip_permission_denied;
            for (fs::recursive_directory_iterator it(arg, options, ec), end; !ec && it != end; it.increment(ec)) {
                std::error_code type_ec;
                const std::string& path = it->path().native();
                if (!has_extension(path, extensions) || !it->is_regular_file(type_ec)) continue;
                if (path.compare(0, strip.size(), strip) != 0 || path.find('\0') != std::string::npos) return false;
                out.add_name(std::string_view(path).substr(strip.size()));
            }
            return true;
        };
        std::string strip = prefix;
        if (!walk(strip)) {
            strip.clear();
            walk(strip);
        }
        if (ec) {  // the directory itself could not be walked: let reading it say why
            out.names_.resize(names_from);
            out.entries_.resize(entries_from);
            out.add_file(arg);
            continue;
        }
        out.groups_.push_back({strip, prefix.size(), entries_from});
        // Every path of the group begins with the same `strip`: comparing the rest is enough.
        std::sort(out.entries_.begin() + static_cast<std::ptrdiff_t>(entries_from), out.entries_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return path_less(out.name(a), out.name(b)); });
    }
    return out;
}

std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive,
                                 std::span<const std::string_view> extensions, bool& batch) {
    const InputList list = expand_input_list(args, recursive, extensions, batch);
    std::vector<Input> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(list[i]);
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
