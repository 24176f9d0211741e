#ifndef DIALER_CMICROHTTPD_SHIM_H
#define DIALER_CMICROHTTPD_SHIM_H
/*
 * Swift cannot call C variadic functions, so MHD_start_daemon and the info
 * queries are wrapped here; the listening socket is made here too, so a port in
 * use is reported with the system's reason and port 0 picks a free port.
 */
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include <microhttpd.h>

/*
 * Opens a TCP socket listening on host:port (port 0: a free one). Returns the
 * socket, or -1 with *failure set to the errno of the call that failed and
 * *failed_call naming it ("getaddrinfo" puts the EAI code in *failure).
 */
static inline int dialer_mhd_listen(const char *host, int port, int *failure, const char **failed_call) {
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    struct addrinfo *found = NULL;
    int code = getaddrinfo(host, service, &hints, &found);
    if (code != 0) { *failure = code; *failed_call = "getaddrinfo"; return -1; }
    int fd = socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, found->ai_protocol);
    if (fd < 0) { *failure = errno; *failed_call = "socket"; freeaddrinfo(found); return -1; }
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind(fd, found->ai_addr, found->ai_addrlen) != 0) {
        *failure = errno; *failed_call = "bind"; close(fd); freeaddrinfo(found); return -1;
    }
    freeaddrinfo(found);
    if (listen(fd, 128) != 0) { *failure = errno; *failed_call = "listen"; close(fd); return -1; }
    return fd;
}

/* The port a listening socket is bound to, or -1. */
static inline int dialer_mhd_bound_port(int fd) {
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0) return -1;
    if (address.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&address)->sin6_port);
    return -1;
}

/*
 * Starts a daemon on an open listening socket: a thread per connection (a
 * Server-Sent Events reader may block), with TLS when key and cert (PEM text)
 * are both given. Returns NULL when MHD refuses.
 */
static inline struct MHD_Daemon *dialer_mhd_start(int listen_fd, MHD_AccessHandlerCallback handler, void *handler_cls,
                                                  MHD_RequestCompletedCallback completed, void *completed_cls,
                                                  const char *tls_key, const char *tls_cert,
                                                  unsigned int connection_timeout, unsigned int connection_limit) {
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL | MHD_USE_ITC;
    struct MHD_OptionItem options[8];
    int count = 0;
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_LISTEN_SOCKET, listen_fd, NULL };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_cls };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout, NULL };
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, connection_limit, NULL };
    if (tls_key != NULL && tls_cert != NULL) {
        flags |= MHD_USE_TLS;
        options[count++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)tls_key };
        options[count++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)tls_cert };
    }
    options[count++] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_cls, MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* A response holding a copy of size bytes at data. */
static inline struct MHD_Response *dialer_mhd_response_copying(size_t size, const void *data) {
    return MHD_create_response_from_buffer(size, (void *)data, MHD_RESPMEM_MUST_COPY);
}

/* The client's address as text (IPv4 or IPv6), written to out; empty when unknown. */
static inline void dialer_mhd_client_address(struct MHD_Connection *connection, char *out, size_t size) {
    out[0] = 0;
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) return;
    const struct sockaddr *address = info->client_addr;
    if (address->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)address)->sin_addr, out, (socklen_t)size);
    } else if (address->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)address)->sin6_addr, out, (socklen_t)size);
    }
}

#endif
