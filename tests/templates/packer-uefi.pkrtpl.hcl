<?xml version="1.0" encoding="utf-8"?>
<!-- Models a Packer (Proxmox/QEMU) build's autounattend.pkrtpl.hcl, rendered by templatefile(): interpolations, an if/else directive choosing the disk layout. -->
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="windowsPE">
    <component name="Microsoft-Windows-International-Core-WinPE" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <SetupUILanguage>
        <UILanguage>${ui_language}</UILanguage>
      </SetupUILanguage>
      <InputLocale>${input_locale}</InputLocale>
      <SystemLocale>${locale}</SystemLocale>
      <UILanguage>${ui_language}</UILanguage>
      <UserLocale>${locale}</UserLocale>
    </component>
    <component name="Microsoft-Windows-PnpCustomizationsWinPE" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <DriverPaths>
        <PathAndCredentials wcm:action="add" wcm:keyValue="1">
          <Path>${driver_root}\viostor\${windows_version}\amd64</Path>
        </PathAndCredentials>
        <PathAndCredentials wcm:action="add" wcm:keyValue="2">
          <Path>${driver_root}\NetKVM\${windows_version}\amd64</Path>
        </PathAndCredentials>
      </DriverPaths>
    </component>
    <component name="Microsoft-Windows-Setup" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <DiskConfiguration>
        <Disk wcm:action="add">
          <DiskID>${disk.id}</DiskID>
          <WillWipeDisk>true</WillWipeDisk>
%{ if uefi ~}
          <CreatePartitions>
            <CreatePartition wcm:action="add">
              <Order>1</Order>
              <Type>EFI</Type>
              <Size>${disk.efi_size}</Size>
            </CreatePartition>
            <CreatePartition wcm:action="add">
              <Order>2</Order>
              <Type>MSR</Type>
              <Size>${disk.msr_size}</Size>
            </CreatePartition>
            <CreatePartition wcm:action="add">
              <Order>3</Order>
              <Type>Primary</Type>
              <Extend>true</Extend>
            </CreatePartition>
          </CreatePartitions>
          <ModifyPartitions>
            <ModifyPartition wcm:action="add">
              <Order>1</Order>
              <PartitionID>1</PartitionID>
              <Format>FAT32</Format>
              <Label>System</Label>
            </ModifyPartition>
            <ModifyPartition wcm:action="add">
              <Order>2</Order>
              <PartitionID>3</PartitionID>
              <Format>NTFS</Format>
              <Label>${disk.os_label}</Label>
              <Letter>C</Letter>
            </ModifyPartition>
          </ModifyPartitions>
%{ else ~}
          <CreatePartitions>
            <CreatePartition wcm:action="add">
              <Order>1</Order>
              <Type>Primary</Type>
              <Size>${disk.system_size}</Size>
            </CreatePartition>
            <CreatePartition wcm:action="add">
              <Order>2</Order>
              <Type>Primary</Type>
              <Extend>true</Extend>
            </CreatePartition>
          </CreatePartitions>
          <ModifyPartitions>
            <ModifyPartition wcm:action="add">
              <Order>1</Order>
              <PartitionID>1</PartitionID>
              <Active>true</Active>
              <Format>NTFS</Format>
              <Label>System Reserved</Label>
            </ModifyPartition>
            <ModifyPartition wcm:action="add">
              <Order>2</Order>
              <PartitionID>2</PartitionID>
              <Format>NTFS</Format>
              <Label>${disk.os_label}</Label>
              <Letter>C</Letter>
            </ModifyPartition>
          </ModifyPartitions>
%{ endif ~}
        </Disk>
        <WillShowUI>OnError</WillShowUI>
      </DiskConfiguration>
      <ImageInstall>
        <OSImage>
          <InstallFrom>
            <MetaData wcm:action="add">
              <Key>/IMAGE/INDEX</Key>
              <Value>${image.index}</Value>
            </MetaData>
          </InstallFrom>
%{ if uefi ~}
          <InstallTo>
            <DiskID>${disk.id}</DiskID>
            <PartitionID>3</PartitionID>
          </InstallTo>
%{ else ~}
          <InstallTo>
            <DiskID>${disk.id}</DiskID>
            <PartitionID>2</PartitionID>
          </InstallTo>
%{ endif ~}
          <WillShowUI>OnError</WillShowUI>
        </OSImage>
      </ImageInstall>
      <UserData>
        <AcceptEula>true</AcceptEula>
        <FullName>${build.full_name}</FullName>
        <Organization>${organization}</Organization>
        <ProductKey>
          <Key>${product_key}</Key>
          <WillShowUI>OnError</WillShowUI>
        </ProductKey>
      </UserData>
    </component>
  </settings>
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>${computer_name}</ComputerName>
      <TimeZone>${time_zone}</TimeZone>
      <RegisteredOwner>${build.full_name}</RegisteredOwner>
      <RegisteredOrganisation>Contoso Build Lab</RegisteredOrganisation> <!-- expect: UA3004 error col 31 "'RegisteredOrganisation' is not a setting of Microsoft-Windows-Shell-Setup; did you mean 'RegisteredOrganization'?" -->
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-International-Core" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <InputLocale>${input_locale}</InputLocale>
      <SystemLocale>${locale}</SystemLocale>
      <UILanguage>${ui_language}</UILanguage>
      <UserLocale>${locale}</UserLocale>
    </component>
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <OOBE>
        <HideEULAPage>true</HideEULAPage>
        <HideLocalAccountScreen>true</HideLocalAccountScreen>
        <HideOEMRegistrationScreen>true</HideOEMRegistrationScreen>
        <HideOnlineAccountScreens>true</HideOnlineAccountScreens>
        <HideWirelessSetupInOOBE>true</HideWirelessSetupInOOBE>
        <ProtectYourPC>3</ProtectYourPC>
      </OOBE>
      <UserAccounts>
        <AdministratorPassword>
          <Value>${admin_password_encoded}</Value>
          <PlainText>false</PlainText>
        </AdministratorPassword>
        <LocalAccounts>
          <LocalAccount wcm:action="add">
            <Name>${build.username}</Name>
            <DisplayName>${build.full_name}</DisplayName>
            <Group>Administrators</Group>
            <Password>
              <Value>${build.password_encoded}</Value>
              <PlainText>false</PlainText>
            </Password>
          </LocalAccount>
        </LocalAccounts>
      </UserAccounts>
      <AutoLogon>
        <Enabled>true</Enabled>
        <LogonCount>${autologon_count}</LogonCount>
        <Username>${build.username}</Username>
        <Password>
          <Value>${build.password_encoded}</Value>
          <PlainText>false</PlainText>
        </Password>
      </AutoLogon>
      <FirstLogonCommands>
        <SynchronousCommand wcm:action="add">
          <Order>1</Order>
          <Description>Allow the Packer communicator through the firewall</Description>
          <CommandLine>cmd.exe /c netsh advfirewall firewall set rule group="Windows Remote Management" new enable=yes</CommandLine>
        </SynchronousCommand>
        <SynchronousCommand wcm:action="add">
          <Order>2</Order>
          <Description>Configure WinRM for ${build.username}</Description>
          <CommandLine>powershell.exe -NoProfile -ExecutionPolicy Bypass -File ${scripts_dir}\enable-winrm.ps1 -Port ${winrm_port}</CommandLine>
        </SynchronousCommand>
%{ for cmd in first_logon_commands ~}
        <SynchronousCommand wcm:action="add">
          <Order>${cmd.order}</Order>
          <Description>${cmd.description}</Description>
          <CommandLine>${cmd.command_line}</CommandLine>
        </SynchronousCommand>
%{ endfor ~}
      </FirstLogonCommands>
    </component>
  </settings>
</unattend>
