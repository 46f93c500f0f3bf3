package pe.gob.munlima.convoca.project;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import pe.gob.munlima.convoca.security.GerenciaDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the security module which gerencias exist, for binding project owners. */
@Component
class GerenciaCatalog implements GerenciaDirectory {

	private final Gerencias gerencias;

	GerenciaCatalog(Gerencias gerencias) {
		this.gerencias = gerencias;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> nameOf(String code) {
		return this.gerencias.findByCode(code).map(Gerencia::getName);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> all() {
		Map<String, String> all = new TreeMap<>();
		this.gerencias.findAll().forEach(gerencia -> all.put(gerencia.getCode(), gerencia.getName()));
		return all;
	}

}
