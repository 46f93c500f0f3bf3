package pe.gob.munlima.convoca.notify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders e-mails from {@code templates/mail/}: {@code name.html} (HTML mode) and
 * {@code name.txt} (text mode) with the same variables and the same message bundles as
 * the pages, in the recipient's language. Its own engine, not the pages' one: mail is
 * rendered outside any request, and the pages' engine must stay as Boot configures it.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		this.engine.setTemplateEngineMessageSource(messages);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/**
	 * @param subjectKey message key of the subject, with {@code subjectArgs}
	 */
	RenderedMail render(String name, Map<String, Object> variables, Locale locale, String subjectKey,
			Object... subjectArgs) {
		Context context = new Context(locale, variables);
		String subject = this.messages.getMessage(subjectKey, subjectArgs, locale);
		context.setVariable("subject", subject);
		return new RenderedMail(subject, this.engine.process(name + ".txt", context),
				this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
