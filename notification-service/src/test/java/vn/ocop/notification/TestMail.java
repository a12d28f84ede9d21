package vn.ocop.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** One real SMTP server (GreenMail) for the test JVM, on a free port, stopped at exit. */
public final class TestMail {

    private static TestMail shared;

    private final GreenMail server;

    private TestMail() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    public static synchronized TestMail shared() {
        if (shared == null) {
            shared = new TestMail();
        }
        return shared;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every e-mail received so far for this address. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> sentTo(message, address))
                .toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
