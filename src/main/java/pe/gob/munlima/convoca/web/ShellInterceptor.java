package pe.gob.munlima.convoca.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds {@code shell} (user, navigation, language links) to the model of every page a
 * controller renders, so page controllers never repeat it.
 */
class ShellInterceptor implements HandlerInterceptor {

	private final Shell shell;

	ShellInterceptor(Shell shell) {
		this.shell = shell;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page != null && !page.wasCleared() && (page.getViewName() == null
				|| !page.getViewName().startsWith("redirect:") && !page.getViewName().startsWith("forward:"))) {
			page.addObject("shell", this.shell.view(request));
		}
	}

}
