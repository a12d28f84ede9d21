package vn.ocop.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import vn.ocop.notification.inbox.InboxMessage;
import vn.ocop.notification.inbox.Rendered;
import vn.ocop.notification.recipient.Language;

/**
 * Sends a message as a plain-text UTF-8 e-mail over SMTP. An address the server refuses fails
 * that delivery only; any other failure means the server is unavailable.
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final DeliveryProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, DeliveryProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    Outcome send(Delivery delivery, InboxMessage message, Rendered text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Outcome.unavailable(null, "no SMTP server is configured");
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(delivery.target());
            helper.setSubject(text.title());
            helper.setText(text.body() + "\n\n-- \n" + signature(text.language()));
            mime.setHeader(WebhookSender.DELIVERY_HEADER, delivery.id().toString());
            sender.send(mime);
            return Outcome.sent(null);
        }
        catch (MailSendException e) {
            boolean addressRefused = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
            String error = "SMTP: " + e.getMessage();
            return addressRefused ? Outcome.refused(null, error) : Outcome.unavailable(null, error);
        }
        catch (MessagingException e) {
            return Outcome.refused(null, "not a usable e-mail: " + e.getMessage());
        }
        catch (MailException e) {
            return Outcome.unavailable(null, "SMTP: " + e.getMessage());
        }
    }

    private static String signature(Language language) {
        return language == Language.VI
                ? "OCOP Connect - Chương trình Mỗi xã một sản phẩm"
                : "OCOP Connect - One Commune One Product programme";
    }
}
