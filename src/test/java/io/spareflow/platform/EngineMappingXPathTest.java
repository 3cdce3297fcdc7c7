package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class EngineMappingXPathTest {

    private static final String PROPERTY = XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

    private final EngineMappingXPath plugin = new EngineMappingXPath();
    private final ProcessEngineConfigurationImpl engine = new StandaloneProcessEngineConfiguration();

    @Test
    void theEngineMappingsParseToTheSameStatementsAndResultMaps() {
        List<String> withJdk = describe(parseEngineMappings());

        plugin.preInit(engine);
        assertThat(XPathFactory.newInstance()).isInstanceOf(ChildElementXPathFactory.class);
        List<String> withWalking = describe(parseEngineMappings());
        plugin.postInit(engine);

        assertThat(withJdk).hasSizeGreaterThan(900);
        assertThat(withWalking).containsExactlyElementsOf(withJdk);
        assertThat(System.getProperty(PROPERTY)).isNull();
    }

    @Test
    void keepsAnOperatorsOwnSetting() {
        System.setProperty(PROPERTY, "com.example.OwnXPathFactory");
        try {
            plugin.preInit(engine);
            plugin.postInit(engine);

            assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.OwnXPathFactory");
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    /** As Camunda's {@code initSqlSessionFactory} parses them for PostgreSQL without a table prefix. */
    private static Configuration parseEngineMappings() {
        Properties properties = new Properties();
        properties.put("prefix", "");
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, "", "postgres");
        var mappings = ProcessEngineConfigurationImpl.class.getClassLoader()
                .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
        return new XMLConfigBuilder(new InputStreamReader(mappings, StandardCharsets.UTF_8), "", properties).parse();
    }

    /** Each statement's kind, SQL source, static SQL, result maps and key generator; each result map's type and mappings. */
    private static List<String> describe(Configuration configuration) {
        List<String> lines = new ArrayList<>();
        for (String id : new TreeSet<>(configuration.getMappedStatementNames())) {
            if (!id.contains(".")) {
                continue; // the short alias of a namespaced id
            }
            MappedStatement statement = configuration.getMappedStatement(id);
            String sql = statement.getSqlSource() instanceof RawSqlSource ? statement.getBoundSql(null).getSql() : "dynamic";
            lines.add(String.join(" ", id, statement.getSqlCommandType().name(), statement.getSqlSource().getClass().getSimpleName(), sql,
                    statement.getResultMaps().stream().map(ResultMap::getId).toList().toString(),
                    statement.getKeyGenerator().getClass().getSimpleName()));
        }
        for (String id : new TreeSet<>(configuration.getResultMapNames())) {
            if (id.contains(".")) {
                ResultMap map = configuration.getResultMap(id);
                lines.add(String.join(" ", "resultMap", id, String.valueOf(map.getType()), map.getResultMappings().toString(),
                        map.getDiscriminator() == null ? "" : map.getDiscriminator().getDiscriminatorMap().toString()));
            }
        }
        return lines;
    }
}
