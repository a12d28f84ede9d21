package vn.ocop.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service that does nothing but use the messaging library: its outbox, relay and inbox. */
@SpringBootApplication
public class RelayTestApplication {
}
