package pe.gob.munlima.convoca.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Administración: the way into the admin pages each module keeps (sources, rules, index,
 * users). SUBGERENCIA and ADMIN reach it; users only ADMIN (SecurityConfiguration).
 */
@Controller
class AdminController {

	@GetMapping("/admin")
	String admin() {
		return "admin/index";
	}

}
