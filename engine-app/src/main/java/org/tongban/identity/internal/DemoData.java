package org.tongban.identity.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Department;
import org.tongban.identity.Role;

/**
 * Demo departments and users of every role (Deqing County, Zhejiang), loaded once into an empty
 * database when {@code tongban.demo-data=true}. Every demo password is {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = "tongban.demo-data", havingValue = "true")
class DemoData implements SmartInitializingSingleton {

    static final String PASSWORD = "Tongban@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String username, String name, String idType, String idNumber, List<Role> roles,
                            List<String> departments) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("DQ-SCJG", "德清县市场监督管理局", "Deqing County Administration for Market Regulation"),
            new Department("DQ-ZJJ", "德清县住房和城乡建设局", "Deqing County Housing and Urban-Rural Development Bureau"),
            new Department("DQ-ZRZY", "德清县自然资源和规划局", "Deqing County Natural Resources and Planning Bureau"),
            new Department("DQ-XF", "德清县消防救援大队", "Deqing County Fire and Rescue Brigade"),
            new Department("DQ-STHJ", "湖州市生态环境局德清分局", "Huzhou Ecology and Environment Bureau, Deqing Branch"),
            new Department("DQ-ZHZF", "德清县综合行政执法局", "Deqing County Comprehensive Administrative Law Enforcement Bureau"),
            new Department("DQ-JJ", "德清县公安局交通警察大队", "Deqing County Public Security Bureau Traffic Police Brigade"));

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("zhangwei", "张伟", "RESIDENT_ID", "330521199202261011", List.of(Role.APPLICANT), List.of()),
            new DemoUser("lina", "李娜", "RESIDENT_ID", "330521198503124024", List.of(Role.APPLICANT), List.of()),
            // a legal-person (法人) account: its verified identity is the company and its unified social credit code
            new DemoUser("mgswenlv", "德清县莫干山文旅发展有限公司", "CREDIT_CODE", "91330521MA29K7LX1A", List.of(Role.APPLICANT), List.of()),
            new DemoUser("wangfang", "王芳", "RESIDENT_ID", "330521199007182326", List.of(Role.APPROVER), List.of("DQ-SCJG")),
            new DemoUser("liuyang", "刘洋", null, null, List.of(Role.APPROVER), List.of("DQ-SCJG")),
            new DemoUser("chenjing", "陈静", "RESIDENT_ID", "330521197811056823", List.of(Role.APPROVER), List.of("DQ-ZJJ")),
            new DemoUser("huangli", "黄丽", null, null, List.of(Role.APPROVER), List.of("DQ-ZJJ")),
            new DemoUser("zhaolei", "赵磊", null, null, List.of(Role.APPROVER), List.of("DQ-ZRZY")),
            new DemoUser("xuhao", "徐浩", null, null, List.of(Role.APPROVER), List.of("DQ-ZRZY")),
            new DemoUser("sunqiang", "孙强", null, null, List.of(Role.APPROVER), List.of("DQ-XF")),
            new DemoUser("majun", "马骏", null, null, List.of(Role.APPROVER), List.of("DQ-XF")),
            new DemoUser("zhoumin", "周敏", null, null, List.of(Role.APPROVER), List.of("DQ-STHJ")),
            new DemoUser("shenjianguo", "沈建国", null, null, List.of(Role.APPROVER), List.of("DQ-ZHZF")),
            new DemoUser("yaozhiqiang", "姚志强", null, null, List.of(Role.APPROVER), List.of("DQ-JJ")),
            new DemoUser("wujun", "吴军", null, null, List.of(Role.DESIGNER), List.of()),
            new DemoUser("zhengli", "郑丽", null, null, List.of(Role.SUPERVISOR), List.of()),
            new DemoUser("admin", "系统管理员", null, null, List.of(Role.ADMIN), List.of()));

    private final IdentityMapper mapper;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;

    DemoData(IdentityMapper mapper, PasswordEncoder passwordEncoder, TransactionTemplate tx) {
        this.mapper = mapper;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            load();
        } catch (DuplicateKeyException raced) { // two nodes starting on one empty database: the other one's commit won
            log.info("Demo data loaded by another node");
        }
    }

    private void load() {
        tx.executeWithoutResult(status -> {
            if (!mapper.departments().isEmpty()) {
                return;
            }
            DEPARTMENTS.forEach(mapper::insertDepartment);
            String hash = passwordEncoder.encode(PASSWORD);
            for (DemoUser u : USERS) {
                mapper.insertUser(new IdentityMapper.UserRow(u.username(), hash, u.name(), u.idType(), u.idNumber(), true));
                u.roles().forEach(r -> mapper.insertRole(u.username(), r.name()));
                u.departments().forEach(d -> mapper.insertMembership(u.username(), d));
            }
            log.info("Loaded demo data: {} departments, {} users (password {})", DEPARTMENTS.size(), USERS.size(), PASSWORD);
        });
    }
}
