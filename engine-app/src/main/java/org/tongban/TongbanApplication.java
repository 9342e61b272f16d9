package org.tongban;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tongban (通办): government administrative approval on an embedded Flowable engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@MapperScan(basePackages = "org.tongban", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class TongbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(TongbanApplication.class, args);
    }
}
