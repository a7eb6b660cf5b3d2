#include "io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
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
    std::string data;
    if (!read_input_into(path, max_bytes, lang, data, error)) return std::nullopt;
    return data;
}

bool read_input_into(const std::string& path, std::size_t max_bytes, Lang lang, std::string& data, std::string& error,
                     bool remember) {
    const bool zh = lang == Lang::zh;
    const bool stdin_input = path == "-";
    const int fd = stdin_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        data.clear();
        error = zh ? fmt::format("无法打开 {}：{}", path, e == ENOENT ? "文件不存在" : (e == EACCES ? "没有读取权限" : std::strerror(e)))
                   : fmt::format("cannot open {}: {}", path, std::strerror(e));
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!stdin_input) ::close(fd);
        data.clear();
        error = zh ? fmt::format("{} 是目录，不是文件", path) : fmt::format("{} is a directory, not a file", path);
        return false;
    }
    if (remember && !stdin_input && S_ISREG(st.st_mode)) {
        const std::lock_guard<std::mutex> lock(inputs_mutex);
        inputs_read.insert({st.st_dev, st.st_ino});
    }
    // Read straight into `data`: room for the whole file and one byte more (to see the end in
    // one read), growing for input whose size is not known, never past max_bytes + 1.
    std::size_t room = std::size_t{1} << 16;
    if (S_ISREG(st.st_mode)) {
        if (static_cast<std::size_t>(st.st_size) > max_bytes) {
            if (!stdin_input) ::close(fd);
            data.clear();
            error = zh ? fmt::format("{} 有 {} 字节，超过 {} 字节的上限（可用 --max-size 调整）", path, st.st_size, max_bytes)
                       : fmt::format("{} is {} bytes, over the limit of {} bytes (see --max-size)", path, st.st_size, max_bytes);
            return false;
        }
        room = static_cast<std::size_t>(st.st_size) + 1;
    }
    const std::size_t most = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
    // `data` keeps the size it had (the last file's): only what is added is zeroed.
    std::size_t used = 0;
    if (data.size() < std::min(room, most)) data.resize(std::min(room, most));
    for (;;) {
        if (used == data.size()) {
            if (data.size() >= most) break;  // over the limit: said below
            data.resize(std::min(std::max(data.size() * 2, std::size_t{1} << 16), most));
        }
        const ssize_t n = ::read(fd, data.data() + used, data.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            if (!stdin_input) ::close(fd);
            data.clear();
            error = zh ? fmt::format("读取 {} 失败：{}", path, std::strerror(e)) : fmt::format("cannot read {}: {}", path, std::strerror(e));
            return false;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
        if (used > max_bytes) break;
        // A regular file that gave exactly the size fstat reported, with room left for more, has
        // ended: asking again only to be told so would be a fifth system call per file.
        if (S_ISREG(st.st_mode) && st.st_size > 0 && used == static_cast<std::size_t>(st.st_size) && used < data.size())
            break;
    }
    data.resize(used);
    if (used > max_bytes) {
        if (!stdin_input) ::close(fd);
        data.clear();
        error = zh ? fmt::format("{} 超过 {} 字节的上限（可用 --max-size 调整）", path, max_bytes)
                   : fmt::format("{} is over the limit of {} bytes (see --max-size)", path, max_bytes);
        return false;
    }
    if (!stdin_input) ::close(fd);
    return true;
}

bool use_colour(int fd) {
    const char* no = std::getenv("NO_COLOR");
    if (no && *no) return false;
    return ::isatty(fd) != 0;
}

}  // namespace ogi::cli
