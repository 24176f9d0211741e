import CampaignDSL

/// `dialerd serve`'s web server: the application's routes on the `http` block's address, with the daemon's clock.
final class WebConsole {
    let server: WebServer
    /// The running campaigns' events, carried to the desks and wallboards.
    let live: LiveWeb

    /// Starts listening.
    /// - Throws: ``EnvironmentError`` for a port in use, unreadable TLS files, or a database that cannot be opened.
    init(settings: HTTPSettings, session: DaemonSession) throws {
        var tls: TLSCredentials?
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            tls = try TLSCredentials.load(certificateFile: certificate, keyFile: key)
        }
        let desk = session.desk
        let context = try WebContext(databasePath: session.options.config.databasePath, dialingClock: session.time,
                                     landing: WebContext.liveLanding, reportsFolder: session.options.config.reportsFolder,
                                     signedOut: { user in LiveWeb.logOutOfCalls(user, desk: desk) })
        live = LiveWeb(context: context, hub: session.hub, desk: session.desk,
                       screenPop: try session.messaging.screenPop.map { try ScreenPopTemplate($0) })
        let application = WebApplication(context: context, live: live)
        do {
            server = try WebServer(options: WebServerOptions(host: settings.host, port: settings.port, tls: tls),
                                   handler: application.handler)
        } catch {
            live.stop()
            throw error
        }
    }

    /// Stops the server (open event streams end).
    func stop() {
        live.stop()
        server.stop()
    }
}
