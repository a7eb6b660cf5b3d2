#include "io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace ogi::cli {

namespace {
// Every file read as input (device, inode): an output never replaces one of them.
std::mutex inputs_mutex;
std::set<std::pair<dev_t, ino_t>> inputs_read;
}  // namespace

bool is_input_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    const std::lock_guard<std::mutex> lock(inputs_mutex);
    return inputs_read.count({st.st_dev, st.st_ino}) != 0;
}

std::optional<std::string> read_input(const std::string& path, std::size_t max_bytes, Lang lang, std::string& error) {
    const bool zh = lang == Lang::zh;
    const bool stdin_input = path == "-";
    const int fd = stdin_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        error = zh ? fmt::format("无法打开 {}：{}", path, e == ENOENT ? "文件不存在" : (e == EACCES ? "没有读取权限" : std::strerror(e)))
                   : fmt::format("cannot open {}: {}", path, std::strerror(e));
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!stdin_input) ::close(fd);
        error = zh ? fmt::format("{} 是目录，不是文件", path) : fmt::format("{} is a directory, not a file", path);
        return std::nullopt;
    }
    std::string data;
    if (!stdin_input && S_ISREG(st.st_mode)) {
        const std::lock_guard<std::mutex> lock(inputs_mutex);
        inputs_read.insert({st.st_dev, st.st_ino});
    }
    if (S_ISREG(st.st_mode)) {
        if (static_cast<std::size_t>(st.st_size) > max_bytes) {
            if (!stdin_input) ::close(fd);
            error = zh ? fmt::format("{} 有 {} 字节，超过 {} 字节的上限（可用 --max-size 调整）", path, st.st_size, max_bytes)
                       : fmt::format("{} is {} bytes, over the limit of {} bytes (see --max-size)", path, st.st_size, max_bytes);
            return std::nullopt;
        }
        data.reserve(static_cast<std::size_t>(st.st_size));
    }
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            if (!stdin_input) ::close(fd);
            error = zh ? fmt::format("读取 {} 失败：{}", path, std::strerror(e)) : fmt::format("cannot read {}: {}", path, std::strerror(e));
            return std::nullopt;
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (data.size() > max_bytes) {
            if (!stdin_input) ::close(fd);
            error = zh ? fmt::format("{} 超过 {} 字节的上限（可用 --max-size 调整）", path, max_bytes)
                       : fmt::format("{} is over the limit of {} bytes (see --max-size)", path, max_bytes);
            return std::nullopt;
        }
    }
    if (!stdin_input) ::close(fd);
    return data;
}

bool use_colour(int fd) {
    const char* no = std::getenv("NO_COLOR");
    if (no && *no) return false;
    return ::isatty(fd) != 0;
}

}  // namespace ogi::cli
