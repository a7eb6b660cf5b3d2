// ogi serve: the HTTP/1.1 server on Boost.Beast and Asio (docs/serve.md).
//
// --jobs threads, each running an io_context of its own, and each connection on one of them in
// turn (nothing is shared between requests, so nothing is locked per request: one io_context
// run by several threads spent 38% more CPU on the same 20,000 requests). Reading and writing are
// asynchronous, so a slow or stalled client costs a socket and a timer, never a thread; a request
// read whole is answered on the thread that read it, so at most --jobs requests are worked on at
// once. Each connection has
// one deadline at a time (its request must arrive, or its answer be taken, within --timeout),
// request bodies held at once are bounded by --max-memory, open connections by
// --max-connections (more wait in the kernel's listen queue).
#include "serve.hpp"

#include "api.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace ogi::cli {

CLI::App* add_serve(CLI::App& app, ServeArgs& args) {
    auto* cmd = app.add_subcommand("serve", "serve the reviewers' web page and the HTTP API (docs/serve.md)");
    cmd->add_option("--host", args.host, "address to listen on (default 127.0.0.1; another needs --token)");
    cmd->add_option("--port", args.port, "port to listen on (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
    cmd->add_option("-j,--jobs", args.jobs, "requests worked on at once (default: every core)")->check(CLI::PositiveNumber);
    cmd->add_option("--max-body", args.max_body, "largest request body in bytes (default 32 MiB; 413 above)");
    cmd->add_option("--max-header", args.max_header, "largest request line and headers in bytes (default 16 KiB)");
    cmd->add_option("--max-memory", args.max_memory, "request bodies held at once, in bytes (default 512 MiB; 503 above)");
    cmd->add_option("--max-connections", args.max_connections, "open connections at once (default 512)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--timeout", args.timeout, "seconds a client has to send a request or take its answer (default 30; 408)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--token", args.token, "bearer token the API asks for (also from OGI_TOKEN); required beyond loopback");
    cmd->add_option("--store", args.store, "keep every request body in this directory (default: nothing is kept)");
    cmd->add_flag("--log", args.log, "one line per request on stderr");
    return cmd;
}

namespace {

using Clock = std::chrono::steady_clock;

bool is_loopback(const asio::ip::address& a) { return a.is_loopback(); }

/// What every connection shares.
struct Shared {
    Shared(const ServeArgs& a, bool on_loopback) : args(a), loopback(on_loopback) {}
    const ServeArgs& args;
    serve::ApiOptions api;
    bool loopback = true;
    std::atomic<std::size_t> memory{0};
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> stored{0};
    std::mutex log_mutex;

    bool reserve(std::size_t n) {
        std::size_t now = memory.load();
        do {
            if (now + n > args.max_memory) return false;
        } while (!memory.compare_exchange_weak(now, now + n));
        return true;
    }
    void release(std::size_t n) { memory.fetch_sub(n); }
};

/// A Host header a loopback server accepts: a loopback name or address, with or without port.
/// Others are refused so that a web page elsewhere cannot reach it by DNS rebinding.
bool loopback_host(std::string_view host) {
    if (host.empty()) return true;  // HTTP/1.0
    std::string_view name = host;
    if (name.front() == '[') {
        const auto close = name.find(']');
        if (close == std::string_view::npos) return false;
        name = name.substr(1, close - 1);
    } else if (const auto colon = name.rfind(':'); colon != std::string_view::npos) {
        name = name.substr(0, colon);
    }
    if (name == "localhost") return true;
    boost::system::error_code ec;
    const auto a = asio::ip::make_address(std::string(name), ec);
    return !ec && a.is_loopback();
}

/// Compares in time that does not depend on where the strings differ.
bool same_secret(std::string_view a, std::string_view b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

class Listener;

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, Shared& shared, std::shared_ptr<Listener> listener)
        : stream_(std::move(socket)), timer_(stream_.get_executor()), shared_(shared), listener_(std::move(listener)) {}
    ~Session();

    void start() { asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_next, shared_from_this())); }

    /// On the session's own thread, at shutdown: a connection waiting for its next request is closed;
    /// one with a request under way finishes it (Connection: close).
    void stop_if_idle() {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            if (self->phase_ == Phase::waiting && self->buffer_.size() == 0 && !(self->parser_ && self->parser_->got_some()))
                self->close();
        });
    }

private:
    enum class Phase { waiting, reading, working, writing, closed };

    /// One deadline from now for what follows (reading a whole request, or writing an answer).
    /// The timer is lazy: moving the deadline is a store, and the one pending wait, when it
    /// fires early, waits again for the deadline as it now is (a timer set and cancelled twice
    /// per request cost more than the request's parsing).
    void arm(Phase phase) {
        phase_ = phase;
        deadline_at_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(shared_.args.timeout));
        if (!timer_waiting_) wait_for_deadline();
    }

    void wait_for_deadline() {
        timer_waiting_ = true;
        timer_.expires_at(deadline_at_);
        timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            self->timer_waiting_ = false;
            if (ec || self->phase_ == Phase::working || self->phase_ == Phase::closed) return;  // no deadline runs
            if (Clock::now() < self->deadline_at_) return self->wait_for_deadline();
            self->timed_out_ = true;
            boost::system::error_code ignored;
            self->stream_.socket().cancel(ignored);  // the pending read or write ends with operation_aborted
        });
    }

    void read_next() {
        if (shared_.stopping && buffer_.size() == 0) return close();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(shared_.args.max_header, UINT32_MAX)));
        parser_->body_limit(shared_.args.max_body);
        timed_out_ = false;
        arm(Phase::waiting);
        http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        phase_ = Phase::reading;
        const auto length = parser_->content_length();
        const std::size_t need = length ? static_cast<std::size_t>(*length) : (parser_->chunked() ? shared_.args.max_body : 0);
        if (need > shared_.args.max_body) return refuse(too_large());
        if (need > 0 && !shared_.reserve(need)) {
            serve::Answer a = serve::error_answer(503, "busy", "服务器正忙（同时处理的请求正文已达内存上限），请稍后重试",
                                                  "the server is busy (request bodies held at once are at the memory bound); retry shortly");
            return refuse(std::move(a), "Retry-After", "1");
        }
        reserved_ = need;
        if (beast::iequals(parser_->get()[http::field::expect], "100-continue") && need > 0) {
            static constexpr std::string_view go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            asio::async_write(stream_, asio::buffer(go_on.data(), go_on.size()),
                              [self = shared_from_this()](beast::error_code e, std::size_t) {
                                  if (e) return self->close();
                                  self->read_body();
                              });
            return;
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    static serve::Answer too_large() {
        return serve::error_answer(413, "too_large", "请求正文超过上限（--max-body）", "the request body is over the limit (--max-body)");
    }

    void on_read_error(beast::error_code ec) {
        const bool started = buffer_.size() > 0 || (parser_ && parser_->got_some());
        if (timed_out_) {
            if (!started) return close();  // an idle connection: closed without a word
            return refuse(serve::error_answer(408, "timeout", "客户端发送请求太慢（--timeout）", "the client was too slow to send its request (--timeout)"));
        }
        if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == asio::error::operation_aborted || !started)
            return close();
        if (ec == http::error::body_limit) return refuse(too_large());
        if (ec == http::error::header_limit)
            return refuse(serve::error_answer(400, "headers_too_large", "请求行和请求头过长（--max-header）",
                                              "the request line and headers are too long (--max-header)"));
        if (ec == http::error::partial_message) return close();  // the client went away mid-request
        refuse(serve::error_answer(400, "bad_request", fmt::format("请求不是有效的HTTP：{}", ec.message()),
                                   fmt::format("the request is not valid HTTP: {}", ec.message())));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        phase_ = Phase::working;
        const auto started = Clock::now();
        http::request<http::string_body> req = parser_->release();
        parser_.reset();
        serve::Answer a = work(req);
        if (reserved_) {
            req.body().clear();
            req.body().shrink_to_fit();
            shared_.release(reserved_);
            reserved_ = 0;
        }
        log(req.method_string(), req.target(), a.status, started);
        send(std::move(a), req.version(), req.keep_alive(), req.method() == http::verb::head);
    }

    serve::Answer work(const http::request<http::string_body>& req) {
        const std::string_view target = req.target();
        if (target.empty() || target.front() != '/')
            return serve::error_answer(400, "bad_target", "请求地址应以 / 开头", "the request target must begin with /");
        if (shared_.loopback && !loopback_host(req[http::field::host]))
            return serve::error_answer(400, "bad_host", "Host 不是本机地址（本服务只在本机监听）",
                                       "the Host is not a loopback name (this server listens on loopback only)");
        const std::string_view path = serve::target_path(target);
        if (!shared_.args.token.empty() && path.starts_with("/api/")) {
            const std::string_view auth = req[http::field::authorization];
            if (!auth.starts_with("Bearer ") || !same_secret(auth.substr(7), shared_.args.token)) {
                serve::Answer a = serve::error_answer(401, "unauthorized", "需要正确的访问令牌（Authorization: Bearer …）",
                                                      "a valid token is required (Authorization: Bearer …)");
                unauthorized_ = true;
                return a;
            }
        }
        if (!shared_.args.store.empty() && req.method() == http::verb::post) store(req);
        try {
            return serve::answer({req.method_string(), target, req[http::field::accept_language], req.body()}, shared_.api);
        } catch (const std::exception& e) {  // a bug in ogi: said as such, and the server goes on
            std::lock_guard lock(shared_.log_mutex);
            std::fprintf(stderr, "ogi serve: internal error on %.*s: %s\n", static_cast<int>(target.size()), target.data(), e.what());
            return serve::error_answer(500, "internal", fmt::format("ogi 内部错误：{}", e.what()), fmt::format("internal error in ogi: {}", e.what()));
        }
    }

    void store(const http::request<http::string_body>& req) {
        const auto n = shared_.stored.fetch_add(1);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        const std::filesystem::path base = std::filesystem::path(shared_.args.store) / fmt::format("{}-{:06}", ms, n);
        std::ofstream(base.string() + ".request", std::ios::binary) << req.method_string() << ' ' << req.target() << '\n';
        std::ofstream(base.string() + ".body", std::ios::binary).write(req.body().data(), static_cast<std::streamsize>(req.body().size()));
    }

    void log(std::string_view method, std::string_view target, unsigned status, Clock::time_point started) {
        if (!shared_.args.log) return;
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        std::lock_guard lock(shared_.log_mutex);
        std::fprintf(stderr, "ogi serve: %.*s %.*s %u %.1f ms\n", static_cast<int>(method.size()), method.data(),
                     static_cast<int>(std::min<std::size_t>(target.size(), 200)), target.data(), status, ms);
    }

    /// Answers a request that could not be read and closes the connection after it.
    void refuse(serve::Answer a, std::string_view extra = {}, std::string_view extra_value = {}) {
        if (reserved_) {
            shared_.release(reserved_);
            reserved_ = 0;
        }
        parser_.reset();
        log("-", "-", a.status, Clock::now());
        extra_name_ = extra;
        extra_value_ = extra_value;
        refused_ = true;
        send(std::move(a), 11, false, false);
    }

    /// After refusing a request whose body may still be on its way: stop sending, then read and
    /// drop what comes for a moment, so that closing with unread data (a reset) does not destroy
    /// the answer before the client has read it.
    void drain_then_close() {
        boost::system::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        phase_ = Phase::reading;
        deadline_at_ = Clock::now() + std::chrono::seconds(2);  // then the read is cancelled, and close()
        if (!timer_waiting_) wait_for_deadline();
        drain();
    }
    void drain() {
        stream_.socket().async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > (64u << 20)) return self->close();
            self->drain();
        });
    }

    void send(serve::Answer a, unsigned version, bool keep_alive, bool head) {
        auto& res = response_;
        res = {};
        res.version(version == 10 ? 10 : 11);
        res.result(a.status);
        res.set(http::field::server, "ogi");
        res.set(http::field::content_type, a.content_type);
        res.set(http::field::cache_control, "no-store");
        res.set("X-Content-Type-Options", "nosniff");
        res.set("Referrer-Policy", "no-referrer");
        res.set("Cross-Origin-Resource-Policy", "same-origin");
        res.set("Content-Security-Policy", a.csp.empty() ? serve::page_csp : a.csp);
        if (a.csp != serve::drawing_csp) res.set("X-Frame-Options", "DENY");
        if (!a.allow.empty()) res.set(http::field::allow, a.allow);
        if (unauthorized_) res.set(http::field::www_authenticate, "Bearer realm=\"ogi\"");
        unauthorized_ = false;
        if (!extra_name_.empty()) res.set(extra_name_, extra_value_);
        extra_name_ = {};
        const bool keep = keep_alive && !shared_.stopping;
        res.keep_alive(keep);
        const std::size_t size = a.body.size();
        if (!head) res.body() = std::move(a.body);
        res.content_length(size);
        arm(Phase::writing);
        http::async_write(stream_, res, [self = shared_from_this(), keep](beast::error_code ec, std::size_t) {
            self->response_.body().clear();
            self->response_.body().shrink_to_fit();
            if (ec) return self->close();
            if (keep) return self->read_next();
            if (self->refused_) return self->drain_then_close();
            self->close();
        });
    }

    void close() {
        if (phase_ == Phase::closed) return;
        phase_ = Phase::closed;
        timer_.cancel();
        boost::system::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> response_;
    Shared& shared_;
    std::shared_ptr<Listener> listener_;
    Phase phase_ = Phase::waiting;
    bool timed_out_ = false;
    Clock::time_point deadline_at_{};
    bool timer_waiting_ = false;
    bool unauthorized_ = false;
    bool refused_ = false;
    std::size_t reserved_ = 0;
    std::size_t drained_ = 0;
    std::array<char, 16384> scratch_{};
    std::string_view extra_name_, extra_value_;
};

/// Accepts connections, at most --max-connections open at once, and knows them all for shutdown.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(std::vector<std::unique_ptr<asio::io_context>>& contexts, tcp::acceptor acceptor, Shared& shared)
        : contexts_(contexts), acceptor_(std::move(acceptor)), strand_(asio::make_strand(*contexts[0])), shared_(shared) {}

    void start() { asio::dispatch(strand_, [self = shared_from_this()] { self->accept(); }); }

    void stop() {
        asio::dispatch(strand_, [self = shared_from_this()] {
            boost::system::error_code ignored;
            self->acceptor_.close(ignored);
            std::vector<std::shared_ptr<Session>> open;
            {
                std::lock_guard lock(self->mutex_);
                for (auto& [p, w] : self->sessions_)
                    if (auto s = w.lock()) open.push_back(std::move(s));
            }
            for (auto& s : open) s->stop_if_idle();
        });
    }

    void ended(Session* s) {
        std::lock_guard lock(mutex_);
        sessions_.erase(s);
        if (paused_ && sessions_.size() < shared_.args.max_connections) {
            paused_ = false;
            asio::post(strand_, [self = shared_from_this()] { self->accept(); });
        }
    }

private:
    void accept() {
        if (!acceptor_.is_open()) return;
        asio::io_context& next = *contexts_[turn_++ % contexts_.size()];
        acceptor_.async_accept(next, [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
            if (!ec) {
                socket.set_option(tcp::no_delay(true), ec);
                auto session = std::make_shared<Session>(std::move(socket), self->shared_, self);
                bool full = false;
                {
                    std::lock_guard lock(self->mutex_);
                    self->sessions_[session.get()] = session;
                    full = self->sessions_.size() >= self->shared_.args.max_connections;
                    if (full) self->paused_ = true;
                }
                session->start();
                if (full) return;  // ended() resumes
            } else if (ec == asio::error::no_descriptors) {  // out of file descriptors: wait a moment
                auto t = std::make_shared<asio::steady_timer>(self->strand_, std::chrono::milliseconds(50));
                t->async_wait([self, t](boost::system::error_code) { self->accept(); });
                return;
            }
            self->accept();
        });
    }

    std::vector<std::unique_ptr<asio::io_context>>& contexts_;
    std::size_t turn_ = 0;
    tcp::acceptor acceptor_;
    asio::strand<asio::io_context::executor_type> strand_;
    Shared& shared_;
    std::mutex mutex_;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
    bool paused_ = false;
};

Session::~Session() {
    if (reserved_) shared_.release(reserved_);
    listener_->ended(this);
}

}  // namespace

int run_serve(const ServeArgs& given, Lang lang) {
    const bool zh = lang == Lang::zh;
    ServeArgs args = given;
    if (args.token.empty())
        if (const char* t = std::getenv("OGI_TOKEN"); t && *t) args.token = t;
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(args.host == "localhost" ? "127.0.0.1" : args.host, ec);
    if (ec) {
        std::fprintf(stderr, "%s", (zh ? fmt::format("ogi serve: --host {} 不是IP地址\n", args.host)
                                        : fmt::format("ogi serve: --host {} is not an IP address\n", args.host)).c_str());
        return 2;
    }
    Shared shared(args, is_loopback(address));
    shared.api.max_body = args.max_body;
    if (!shared.loopback && args.token.empty()) {
        std::fprintf(stderr, "%s", (zh ? fmt::format("ogi serve: 在本机以外的地址 {} 上监听需要 --token（或环境变量 OGI_TOKEN）\n", args.host)
                                        : fmt::format("ogi serve: listening beyond loopback ({}) needs --token (or OGI_TOKEN)\n", args.host)).c_str());
        return 2;
    }
    if (!args.store.empty()) {
        std::filesystem::create_directories(args.store, ec);
        if (!std::filesystem::is_directory(args.store)) {
            std::fprintf(stderr, "%s", (zh ? fmt::format("ogi serve: 无法创建 --store 目录 {}\n", args.store)
                                            : fmt::format("ogi serve: cannot create the --store directory {}\n", args.store)).c_str());
            return 2;
        }
    }
    const unsigned jobs = args.jobs > 0 ? static_cast<unsigned>(args.jobs) : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
    std::vector<Guard> guards;  // keep each io_context running until the stop
    for (unsigned i = 0; i < jobs; ++i) {
        contexts.push_back(std::make_unique<asio::io_context>(1));
        guards.push_back(asio::make_work_guard(*contexts.back()));
    }
    asio::io_context& ioc = *contexts[0];
    tcp::acceptor acceptor(ioc);
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(args.port));
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        std::fprintf(stderr, "%s", (zh ? fmt::format("ogi serve: 无法在 {}:{} 上监听：{}\n", args.host, args.port, ec.message())
                                        : fmt::format("ogi serve: cannot listen on {}:{}: {}\n", args.host, args.port, ec.message())).c_str());
        return 2;
    }
    const unsigned port = acceptor.local_endpoint().port();
    auto listener = std::make_shared<Listener>(contexts, std::move(acceptor), shared);

    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&shared, &guards, l = listener](boost::system::error_code e, int) {
        if (e) return;
        shared.stopping = true;
        l->stop();
        for (Guard& g : guards) g.reset();  // each io_context ends when its connections have
    });
    listener->start();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    if (!shared.loopback)
        std::fprintf(stderr, "%s", (zh ? fmt::format("ogi serve: 警告：在 {} 上监听，本机以外能连到它的每台机器都能访问（凭令牌）\n", host)
                                        : fmt::format("ogi serve: warning: listening on {}, beyond loopback: every machine that "
                                                      "can reach it may use it (with the token)\n", host)).c_str());
    std::fprintf(stderr, "ogi serve: listening on http://%s:%u/\n", host.c_str(), port);
    std::fflush(stderr);
    listener.reset();  // the sessions and the pending accept hold it now

    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back([&contexts, i] { contexts[i]->run(); });
    ioc.run();
    for (auto& t : threads) t.join();
    std::fprintf(stderr, "%s", zh ? "ogi serve: 已停止\n" : "ogi serve: stopped\n");
    return 0;
}

}  // namespace ogi::cli
