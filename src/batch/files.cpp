// Reading one file whole (files.hpp).
#include <ogi/batch/files.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ogi::batch {

namespace {
/// " (see --max-size)" / "（可用 --max-size 调整）" for a setting, or nothing.
std::string raise_hint(std::string_view setting, bool zh) {
    if (setting.empty()) return {};
    return zh ? fmt::format("（可用 {} 调整）", setting) : fmt::format(" (see {})", setting);
}
}  // namespace

bool read_file_into(const std::string& path, const ReadLimit& limit, Lang lang, std::string& data, std::string& error,
                    FileIdentity* identity) {
    const std::size_t max_bytes = limit.max_bytes;
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
    if (identity)
        *identity = FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                                 !stdin_input && S_ISREG(st.st_mode)};
    // Read straight into `data`: room for the whole file and one byte more (to see the end in
    // one read), growing for input whose size is not known, never past max_bytes + 1.
    std::size_t room = std::size_t{1} << 16;
    if (S_ISREG(st.st_mode)) {
        if (static_cast<std::size_t>(st.st_size) > max_bytes) {
            if (!stdin_input) ::close(fd);
            data.clear();
            error = zh ? fmt::format("{} 有 {} 字节，超过 {} 字节的上限{}", path, st.st_size, max_bytes, raise_hint(limit.setting, zh))
                       : fmt::format("{} is {} bytes, over the limit of {} bytes{}", path, st.st_size, max_bytes,
                                     raise_hint(limit.setting, zh));
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
        error = zh ? fmt::format("{} 超过 {} 字节的上限{}", path, max_bytes, raise_hint(limit.setting, zh))
                   : fmt::format("{} is over the limit of {} bytes{}", path, max_bytes, raise_hint(limit.setting, zh));
        return false;
    }
    if (!stdin_input) ::close(fd);
    return true;
}

std::optional<std::string> read_file(const std::string& path, const ReadLimit& limit, Lang lang, std::string& error) {
    std::string data;
    if (!read_file_into(path, limit, lang, data, error)) return std::nullopt;
    return data;
}

}  // namespace ogi::batch
