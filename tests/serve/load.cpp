// ogi-serve-load: a bounded load on `ogi serve` over loopback, for tests/serve/load_test.py and
// bench/serve_compare. N connections kept alive on one thread (asynchronous, so the client takes
// as little of the machine as it can) send the files given in turn as request bodies until
// --requests answers have come, or --time-limit passes. Prints one JSON object: requests, failures
// (a status other than --expect, or a connection lost), seconds, requests per second, and the
// latency p50 / p99 / max in milliseconds.
//
//   ogi-serve-load --port P [--host 127.0.0.1] [--path /api/v1/validate] [--clients 32]
//                  [--requests 20000] [--time-limit 60] [--expect 200] FILE...
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    std::string host = "127.0.0.1", port, path = "/api/v1/validate";
    unsigned expect = 200;
    std::size_t wanted = 20000, sent = 0, done = 0, failures = 0;
    std::vector<std::string> bodies;
    std::vector<double> latencies_ms;
    Clock::time_point deadline;
    std::string first_failure;
    std::size_t active = 0;                    // clients still at work
    asio::steady_timer* hard_stop = nullptr;   // cancelled when the last client is done
    void client_done() {
        if (--active == 0 && hard_stop) hard_stop->cancel();
    }
};

class Client : public std::enable_shared_from_this<Client> {
public:
    Client(asio::io_context& ioc, Load& load, tcp::resolver::results_type where)
        : stream_(ioc), load_(load), where_(std::move(where)) {}
    void start() {
        stream_.async_connect(where_, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
            if (ec) return self->fail("connect: " + ec.message());
            self->next();
        });
    }

private:
    void next() {
        if (load_.sent >= load_.wanted || Clock::now() > load_.deadline) return load_.client_done();
        const std::size_t i = load_.sent++;
        req_ = {http::verb::post, load_.path, 11};
        req_.set(http::field::host, load_.host);
        req_.body() = load_.bodies[i % load_.bodies.size()];
        req_.prepare_payload();
        req_.keep_alive(true);
        started_ = Clock::now();
        http::async_write(stream_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->fail("write: " + ec.message());
            self->res_ = {};
            http::async_read(self->stream_, self->buffer_, self->res_, [self](beast::error_code e, std::size_t) {
                if (e) return self->fail("read: " + e.message());
                self->load_.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - self->started_).count());
                ++self->load_.done;
                if (self->res_.result_int() != self->load_.expect || self->res_.body().empty()) {
                    ++self->load_.failures;
                    if (self->load_.first_failure.empty())
                        self->load_.first_failure = "status " + std::to_string(self->res_.result_int());
                }
                if (!self->res_.keep_alive()) return self->fail("the server closed the connection");
                self->next();
            });
        });
    }
    void fail(const std::string& why) {
        ++load_.failures;
        ++load_.done;
        if (load_.first_failure.empty()) load_.first_failure = why;
        load_.client_done();
    }

    beast::tcp_stream stream_;
    Load& load_;
    tcp::resolver::results_type where_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> req_;
    http::response<http::string_body> res_;
    Clock::time_point started_;
};

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

}  // namespace

int main(int argc, char** argv) {
    Load load;
    std::size_t clients = 32;
    double time_limit = 60;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "ogi-serve-load: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--port") load.port = value();
        else if (a == "--host") load.host = value();
        else if (a == "--path") load.path = value();
        else if (a == "--clients") clients = std::stoul(value());
        else if (a == "--requests") load.wanted = std::stoul(value());
        else if (a == "--time-limit") time_limit = std::stod(value());
        else if (a == "--expect") load.expect = static_cast<unsigned>(std::stoul(value()));
        else {
            std::ifstream in(a, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "ogi-serve-load: cannot read %s\n", a.c_str());
                return 2;
            }
            std::ostringstream s;
            s << in.rdbuf();
            load.bodies.push_back(s.str());
        }
    }
    if (load.port.empty() || load.bodies.empty() || clients == 0) {
        std::fprintf(stderr, "usage: ogi-serve-load --port P [--path P] [--clients N] [--requests N] FILE...\n");
        return 2;
    }
    asio::io_context ioc(1);
    tcp::resolver resolver(ioc);
    const auto where = resolver.resolve(load.host, load.port);
    load.latencies_ms.reserve(load.wanted);
    const auto t0 = Clock::now();
    load.deadline = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(time_limit));
    // The hard bound: whatever the server does, the run ends shortly after the time limit.
    asio::steady_timer stop(ioc, load.deadline + std::chrono::seconds(5));
    load.hard_stop = &stop;
    load.active = clients;
    for (std::size_t c = 0; c < clients; ++c) std::make_shared<Client>(ioc, load, where)->start();
    stop.async_wait([&](beast::error_code ec) {
        if (!ec) ioc.stop();
    });
    ioc.run_for(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(time_limit + 6)));
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const std::size_t missing = load.wanted - std::min(load.wanted, load.done);
    std::vector<double> lat = load.latencies_ms;
    const double p50 = percentile(lat, 0.50), p99 = percentile(lat, 0.99);
    const double max = lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end());
    std::printf("{\"requests\": %zu, \"answered\": %zu, \"failures\": %zu, \"unsent\": %zu, \"clients\": %zu, \"seconds\": %.3f, "
                "\"rps\": %.0f, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"first_failure\": \"%s\"}\n",
                load.wanted, lat.size(), load.failures, missing, clients, seconds, static_cast<double>(lat.size()) / seconds, p50,
                p99, max, load.first_failure.c_str());
    return load.failures == 0 && missing == 0 ? 0 : 1;
}
