/*
 * Every NG_E_* that an argument or an id can cause, before anything reaches libnice: the Java
 * side relies on these exact codes to name the input at fault.
 */
#include <string.h>

#include "check.h"

#define UFRAG "ufrag"
#define PWD   "password-of-22-chars!!"

static char text_257[258];
static char text_256[257];

static void fill_long_texts(void)
{
    memset(text_257, 'a', 257);
    memset(text_256, 'b', 256);
}

static void runtime_start_is_idempotent(void)
{
    CHECK_INT(ng_runtime_start(), 0);
    CHECK_INT(ng_runtime_start(), 0);
}

static void version_names_libnice_and_glib(void)
{
    const char *version = ng_version();

    CHECK(strncmp(version, "libnice 0.1.21, GLib 2.", 23) == 0, "version is \"%s\"", version);
}

static void new_rejects_missing_credentials(void)
{
    CHECK_INT(ng_agent_new(check_id(), NULL, PWD, NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), "", PWD, NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, NULL, NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, "", NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_count(), 0);
}

/* libnice cuts credentials at 256 characters without a word: the shim refuses longer ones. */
static void new_takes_credentials_up_to_256_characters(void)
{
    fill_long_texts();
    CHECK_INT(ng_agent_new(check_id(), text_257, PWD, NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, text_257, NG_FLAG_UDP, 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), text_256, text_256, NG_FLAG_UDP, 500), 0);
    CHECK_INT(ng_agent_count(), 1);
}

static void new_rejects_bad_flags(void)
{
    const int bad[] = {0, NG_FLAG_LITE, 8, NG_FLAG_UDP | 8, -1};

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, bad[i], 500), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_TCP, 500), 0);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_LITE | NG_FLAG_UDP | NG_FLAG_TCP, 500),
              0);
}

/* A quarter of the timeout is libnice's initial RTO, whose range is 20-9999 ms. */
static void new_rejects_timeout_out_of_range(void)
{
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_UDP, 79), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_UDP, 39997), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_UDP, -1), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_UDP, 80), 0);
    CHECK_INT(ng_agent_new(check_id(), UFRAG, PWD, NG_FLAG_UDP, 39996), 0);
}

static void new_rejects_a_live_id(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_new(id, UFRAG, PWD, NG_FLAG_UDP, 500), NG_E_EXISTS);
    CHECK_INT(ng_agent_count(), 1);
}

static void unknown_id_is_no_agent(void)
{
    int64_t id = check_id();
    char ufrag[8], pwd[8];

    CHECK_INT(ng_agent_add_local_address(id, "127.0.0.1"), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_set_port_range(id, 1, 65535), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 3478), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", "p", NG_TURN_UDP), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_gather(id), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_credentials(id, ufrag, sizeof ufrag, pwd, sizeof pwd), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_close(id), NG_E_NO_AGENT);
}

/* Arguments are checked first, so a bad argument wins over an unknown id. */
static void arguments_are_checked_before_the_id(void)
{
    int64_t id = check_id();

    CHECK_INT(ng_agent_add_local_address(id, "nowhere"), NG_E_ADDRESS);
    CHECK_INT(ng_agent_set_port_range(id, 0, 10), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 0), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "", "p", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_credentials(id, NULL, 8, NULL, 8), NG_E_ARGUMENT);
}

static void add_local_address_takes_literals_only(void)
{
    const char *bad[] = {NULL,          "",          "garbage",   "localhost",  "127.0.0.1:80",
                         "[127.0.0.1]", "1.2.3.4.5", "::1::2",    " 127.0.0.1", "127.0.0.1 ",
                         "::g",         "[::1]",     "256.0.0.1", "127.0.0.1/8"};
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(ng_agent_add_local_address(id, bad[i]) == NG_E_ADDRESS, "\"%s\" was taken",
              bad[i] ? bad[i] : "(null)");
    CHECK_INT(ng_agent_add_local_address(id, "127.0.0.1"), 0);
    CHECK_INT(ng_agent_add_local_address(id, "::1"), 0);
}

static void port_range_bounds(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_set_port_range(id, 0, 10), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_port_range(id, 1, 65536), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_port_range(id, 10, 9), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_port_range(id, -5, -1), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_port_range(id, 1, 65535), 0);
    CHECK_INT(ng_agent_set_port_range(id, 40000, 40000), 0);
}

/* No STUN traffic: the server is set, never used, as no agent here gathers. */
static void set_stun_checks_address_and_port(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_set_stun(id, NULL, 3478), NG_E_ADDRESS);
    CHECK_INT(ng_agent_set_stun(id, "stun.example.org", 3478), NG_E_ADDRESS);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1:3478", 3478), NG_E_ADDRESS);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 0), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 65536), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 3478), 0);
    CHECK_INT(ng_agent_set_stun(id, "::1", 65535), 0);
}

static void add_turn_checks_arguments(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    fill_long_texts();
    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_add_turn(id, NULL, 3478, "u", "p", NG_TURN_UDP), NG_E_ADDRESS);
    CHECK_INT(ng_agent_add_turn(id, "turn.example.org", 3478, "u", "p", NG_TURN_UDP), NG_E_ADDRESS);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 0, "u", "p", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 65536, "u", "p", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, NULL, "p", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", "", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, text_257, "p", NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", text_257, NG_TURN_UDP), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", "p", 2), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", "p", -1), NG_E_ARGUMENT);
}

/* libnice keeps at most 8 TURN servers per component (NICE_CANDIDATE_MAX_TURN_SERVERS). */
static void add_turn_takes_eight_servers(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    for (int i = 0; i < 8; i++) {
        int transport = i % 2 ? NG_TURN_TCP : NG_TURN_UDP;
        CHECK_INT(ng_agent_add_turn(id, i % 3 ? "127.0.0.1" : "::1", 3478 + i, "user", "secret",
                                    transport),
                  i);
    }
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 4000, "user", "secret", NG_TURN_UDP), NG_E_STATE);
}

const check_test arguments_tests[] = {
    {"runtime_start_is_idempotent", runtime_start_is_idempotent},
    {"version_names_libnice_and_glib", version_names_libnice_and_glib},
    {"new_rejects_missing_credentials", new_rejects_missing_credentials},
    {"new_takes_credentials_up_to_256_characters", new_takes_credentials_up_to_256_characters},
    {"new_rejects_bad_flags", new_rejects_bad_flags},
    {"new_rejects_timeout_out_of_range", new_rejects_timeout_out_of_range},
    {"new_rejects_a_live_id", new_rejects_a_live_id},
    {"unknown_id_is_no_agent", unknown_id_is_no_agent},
    {"arguments_are_checked_before_the_id", arguments_are_checked_before_the_id},
    {"add_local_address_takes_literals_only", add_local_address_takes_literals_only},
    {"port_range_bounds", port_range_bounds},
    {"set_stun_checks_address_and_port", set_stun_checks_address_and_port},
    {"add_turn_checks_arguments", add_turn_checks_arguments},
    {"add_turn_takes_eight_servers", add_turn_takes_eight_servers},
    {NULL, NULL},
};
