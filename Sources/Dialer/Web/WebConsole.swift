import CampaignDSL

/// `dialerd serve`'s web server: the application's routes on the `http` block's address, with the daemon's clock.
final class WebConsole {
    let server: WebServer

    /// Starts listening.
    /// - Throws: ``EnvironmentError`` for a port in use, unreadable TLS files, or a database that cannot be opened.
    init(settings: HTTPSettings, session: DaemonSession) throws {
        var tls: TLSCredentials?
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            tls = try TLSCredentials.load(certificateFile: certificate, keyFile: key)
        }
        let context = try WebContext(databasePath: session.options.config.databasePath, dialingClock: session.time)
        let application = WebApplication(context: context)
        server = try WebServer(options: WebServerOptions(host: settings.host, port: settings.port, tls: tls),
                               handler: application.handler)
    }

    /// Stops the server (open event streams end).
    func stop() {
        server.stop()
    }
}
