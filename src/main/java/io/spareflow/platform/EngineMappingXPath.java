package io.spareflow.platform;

import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * While the engine is initialised, which is when MyBatis parses its mappings, the JAXP look-up
 * ({@link XPathFactory#newInstance()}, which MyBatis calls per mapping file) yields {@link ChildElementXPathFactory}:
 * 30 % less CPU for the parse, on the start's critical path (docs/performance.md, "MyBatis' mapping parse"). The
 * look-up reads a system property, so for the time between this plugin's two steps it is the JVM's; a property set
 * before is left alone.
 */
@Component
class EngineMappingXPath extends AbstractProcessEnginePlugin {

    private static final String DOM_XPATH_FACTORY = XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

    private boolean installed;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DOM_XPATH_FACTORY) == null) {
            System.setProperty(DOM_XPATH_FACTORY, ChildElementXPathFactory.class.getName());
            installed = true;
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (installed) {
            System.clearProperty(DOM_XPATH_FACTORY);
            installed = false;
        }
    }
}
