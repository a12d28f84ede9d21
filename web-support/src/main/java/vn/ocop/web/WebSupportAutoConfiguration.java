package vn.ocop.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Registers the {@link ProblemHandler} in every web service that has this library. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ProblemHandler.class)
public class WebSupportAutoConfiguration {
}
