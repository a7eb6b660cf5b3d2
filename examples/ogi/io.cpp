#include "io.hpp"

#include <cstdlib>
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
    batch::FileIdentity id;
    if (!batch::read_file_into(path, batch::ReadLimit{max_bytes, max_size_option}, lang, data, error, &id)) return false;
    if (remember && id.regular) {
        const std::lock_guard<std::mutex> lock(inputs_mutex);
        inputs_read.insert({static_cast<dev_t>(id.device), static_cast<ino_t>(id.inode)});
    }
    return true;
}

bool use_colour(int fd) {
    const char* no = std::getenv("NO_COLOR");
    if (no && *no) return false;
    return ::isatty(fd) != 0;
}

}  // namespace ogi::cli
