# cmake -DPROGRAM=unattend -DDATA=tests/data -DWORK=dir -P config.cmake
# .unattend.yaml as a repository uses it: found in a parent folder of the checked
# file, overridden with --config, ignored with --no-config, refused when wrong.
cmake_policy(VERSION 3.25)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/repo/answers/lab")
file(COPY_FILE "${DATA}/wrong-pass.xml" "${WORK}/repo/answers/lab/autounattend.xml")
file(COPY_FILE "${DATA}/warnings-only.xml" "${WORK}/repo/answers/warnings.xml")
file(COPY_FILE "${DATA}/../rules/UA10008-ignored-by-target.xml" "${WORK}/repo/answers/client.xml")

# run(NAME EXIT code [OUTPUT regex] [REJECT regex] [CONFIG text] ARGS args...): in WORK/repo/answers.
function(run name)
  cmake_parse_arguments(PARSE_ARGV 1 t "" "EXIT;OUTPUT;REJECT;CONFIG;STDIN" "ARGS")
  set(input)
  if(DEFINED t_STDIN)
    set(input INPUT_FILE ${t_STDIN})
  endif()
  file(REMOVE "${WORK}/repo/.unattend.yaml")
  if(DEFINED t_CONFIG)
    file(WRITE "${WORK}/repo/.unattend.yaml" "${t_CONFIG}")
  endif()
  execute_process(COMMAND ${PROGRAM} check ${t_ARGS} WORKING_DIRECTORY "${WORK}/repo/answers" ${input}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(all "${out}${err}")
  if(NOT code STREQUAL t_EXIT)
    message(SEND_ERROR "${name}: exit code ${code}, expected ${t_EXIT}\n${all}")
  endif()
  if(DEFINED t_OUTPUT AND NOT all MATCHES "${t_OUTPUT}")
    message(SEND_ERROR "${name}: output does not match '${t_OUTPUT}'\n${all}")
  endif()
  if(DEFINED t_REJECT AND all MATCHES "${t_REJECT}")
    message(SEND_ERROR "${name}: output matches '${t_REJECT}'\n${all}")
  endif()
endfunction()

run(no_config EXIT 1 OUTPUT "lab/autounattend.xml:7:[0-9]+: error: .*\\[UA3003\\]" ARGS lab)
run(parent_disables_by_name EXIT 0 REJECT "UA3003" CONFIG "disable: [wrong-pass]\n" ARGS lab)
run(parent_disables_one_code EXIT 0 REJECT "UA3003" CONFIG "disable: UA3003\n" ARGS lab/autounattend.xml)
# Standard input falls under the configuration of the current folder.
run(stdin_lowered EXIT 0 OUTPUT "<stdin>:7:[0-9]+: info: .*\\[UA3003\\]" CONFIG "severity: {UA3003: info}\n"
    STDIN ${DATA}/wrong-pass.xml ARGS -)
run(no_config_option EXIT 1 OUTPUT "\\[UA3003\\]" CONFIG "disable: [wrong-pass]\n" ARGS --no-config lab)
run(severity_lowered EXIT 0 OUTPUT "autounattend.xml:7:[0-9]+: warning: .*\\[UA3003\\]"
    CONFIG "severity:\n  wrong-pass: warning\n" ARGS lab)
run(severity_lowered_strict EXIT 1 OUTPUT "warning: .*\\[UA3003\\]"
    CONFIG "severity:\n  UA3003: warning\n" ARGS --strict lab)
run(severity_raised EXIT 1 OUTPUT "warnings.xml:7:[0-9]+: error: .*\\[UA3006\\]"
    CONFIG "severity:\n  UA3006: error\n" ARGS warnings.xml)
run(severity_off EXIT 0 REJECT "UA3003" CONFIG "severity: {UA3003: off}\n" ARGS lab)
run(exclude_folder EXIT 0 REJECT "autounattend.xml" CONFIG "exclude: [answers/lab]\n" ARGS .)
run(exclude_name_anywhere EXIT 0 REJECT "autounattend" CONFIG "exclude:\n  - 'auto*.xml'\n" ARGS .)
run(exclude_explicit_file EXIT 0 REJECT "UA3003" CONFIG "exclude: ['*/lab/*']\n" ARGS lab/autounattend.xml)
run(exclude_other_file_kept EXIT 1 OUTPUT "\\[UA3003\\]" CONFIG "exclude: [warnings.xml]\n" ARGS .)
# A pattern that matches no file found in a checked folder is most likely misspelt: said, not fatal.
run(exclude_matching_nothing EXIT 1 OUTPUT "unattend: warning: .*repo/\\.unattend\\.yaml: exclude pattern 'answers/labb' matches no file checked here"
    CONFIG "exclude: [answers/labb]\n" ARGS .)
run(exclude_used_no_warning EXIT 0 REJECT "matches no file" CONFIG "exclude: [answers/lab]\n" ARGS .)
run(command_line_adds EXIT 0 REJECT "UA3003|UA3006" CONFIG "disable: [UA3003]\n" ARGS --disable UA3006 .)
# The nearest file wins: one in answers/ replaces the one in repo/.
file(WRITE "${WORK}/repo/answers/.unattend.yaml" "severity: {UA3006: error}\n")
run(nearest_wins EXIT 1 OUTPUT "error: .*\\[UA3003\\]" CONFIG "disable: [UA3003]\n" ARGS .)
file(REMOVE "${WORK}/repo/answers/.unattend.yaml")
file(WRITE "${WORK}/other.yaml" "disable: [UA3003]\n")
run(config_option EXIT 0 REJECT "UA3003" ARGS --config ${WORK}/other.yaml lab)
run(config_option_replaces_nearest EXIT 0 OUTPUT "warning: .*\\[UA3006\\]" REJECT "UA3003|error"
    CONFIG "severity: {UA3006: error}\n" ARGS --config ${WORK}/other.yaml lab warnings.xml)
run(config_and_no_config EXIT 2 OUTPUT "--config and --no-config" ARGS --config ${WORK}/other.yaml --no-config lab)
run(config_missing EXIT 2 OUTPUT "no-such.yaml" ARGS --config ${WORK}/no-such.yaml lab)
run(config_directory EXIT 2 OUTPUT "lab: is a directory" ARGS --config lab lab)

# usage, target and arch: the config says which Windows the files are for
# (the file's image name says windows-11); the command line says it last.
run(target_from_file EXIT 0 OUTPUT "info: 'OOBE/HideLocalAccountScreen': windows-11 \\(/IMAGE/NAME" ARGS client.xml)
run(target_from_config EXIT 0 REJECT "UA10008" CONFIG "target: server-2022\nusage: media\narch: amd64\n" ARGS client.xml)
run(target_option_over_config EXIT 0 OUTPUT "windows-10 \\(option\\)" CONFIG "target: server-2022\n"
    ARGS --target windows-10 client.xml)
run(bad_usage EXIT 2 OUTPUT "\\.unattend\\.yaml:1:8: usage 'usb' is not one of media, sysprep, upgrade" CONFIG "usage: usb\n" ARGS lab)
run(bad_target EXIT 2 OUTPUT "\\.unattend\\.yaml:1:9: target 'windows-12' is not one of windows-7" CONFIG "target: windows-12\n" ARGS lab)

# Mistakes are refused with the file, line and column, and nothing is checked.
run(unknown_key EXIT 2 OUTPUT "repo/\\.unattend\\.yaml:2:1: unknown key 'disabled': use disable, severity, exclude, usage, target, arch, template or vars"
    REJECT "UA3003" CONFIG "exclude: []\ndisabled: [UA3003]\n" ARGS lab)
run(unknown_rule EXIT 2 OUTPUT "\\.unattend\\.yaml:1:11: no rule is called 'UA9999'" CONFIG "disable: [UA9999]\n" ARGS lab)
run(bad_severity EXIT 2
    OUTPUT "\\.unattend\\.yaml:2:11: severity 'fatal' of 'UA3003' is not one of error, warning, info, off"
    CONFIG "severity:\n  UA3003: fatal\n" ARGS lab)
run(not_yaml EXIT 2 OUTPUT "\\.unattend\\.yaml:[0-9]+:[0-9]+: not valid YAML" CONFIG "disable: [UA3003\n" ARGS lab)
run(not_a_mapping EXIT 2 OUTPUT "\\.unattend\\.yaml:1:1: the configuration must be a mapping" CONFIG "- UA3003\n" ARGS lab)
file(REMOVE_RECURSE "${WORK}")
